package io.ltvcascade.model.metrics;

import java.util.ArrayList;
import java.util.List;

/** Decile calibration: customers cut into ten equal groups by prediction, mean predicted vs mean actual. */
public final class Calibration {

    private Calibration() {}

    public static List<DecileRow> deciles(double[] y, double[] predicted) {
        Ranking.requireSameLength(y, predicted);
        int[] order = Ranking.descending(predicted);
        List<DecileRow> rows = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) d * y.length / 10);
            int to = (int) ((long) (d + 1) * y.length / 10);
            double sumPredicted = 0;
            double sumActual = 0;
            for (int j = from; j < to; j++) {
                sumPredicted += predicted[order[j]];
                sumActual += y[order[j]];
            }
            int n = to - from;
            rows.add(new DecileRow(d + 1, n, n == 0 ? 0 : sumPredicted / n, n == 0 ? 0 : sumActual / n));
        }
        return rows;
    }
}

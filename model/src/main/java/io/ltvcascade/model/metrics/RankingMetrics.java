package io.ltvcascade.model.metrics;

import java.util.ArrayList;
import java.util.List;

/** How well predictions order customers by value: Gini, Spearman, gain curve, revenue capture, Recall@k. */
public final class RankingMetrics {

    private RankingMetrics() {}

    /**
     * Normalised Gini (google/lifetime_value {@code gini_from_gain}): the raw Gini of the gain curve of customers
     * sorted by prediction, divided by that of the perfect ordering. 1 = perfect, 0 = random.
     */
    public static double normalizedGini(double[] y, double[] predicted) {
        Ranking.requireSameLength(y, predicted);
        double perfect = rawGini(y, y);
        return perfect == 0 ? 0 : rawGini(y, predicted) / perfect;
    }

    /** Raw Gini: 2 · mean(cumulative share of value in prediction order) − 1. */
    public static double rawGini(double[] y, double[] predicted) {
        double total = Ranking.sum(y);
        if (total == 0) {
            return 0;
        }
        double cumulative = 0;
        double area = 0;
        for (int i : Ranking.descending(predicted)) {
            cumulative += y[i];
            area += cumulative / total;
        }
        return 2 * area / y.length - 1;
    }

    /** Spearman's rank correlation (Pearson on average ranks); NaN when either side is constant. */
    public static double spearman(double[] y, double[] predicted) {
        Ranking.requireSameLength(y, predicted);
        return pearson(Ranking.averageRanks(y), Ranking.averageRanks(predicted));
    }

    /** Spearman restricted to customers with y &gt; 0. */
    public static double spearmanPayers(double[] y, double[] predicted) {
        List<Integer> payers = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 0) {
                payers.add(i);
            }
        }
        if (payers.size() < 2) {
            return Double.NaN;
        }
        return spearman(select(y, payers), select(predicted, payers));
    }

    /** Share of total value held by the top {@code fraction} of customers by prediction. */
    public static double revenueCapture(double[] y, double[] predicted, double fraction) {
        double total = Ranking.sum(y);
        int k = Math.max(1, (int) Math.ceil(y.length * fraction));
        int[] order = Ranking.descending(predicted);
        double captured = 0;
        for (int j = 0; j < k; j++) {
            captured += y[order[j]];
        }
        return total == 0 ? 0 : captured / total;
    }

    /** Share of the customers in {@code whales} found among the top {@code k} by prediction. */
    public static double recallAtK(double[] predicted, boolean[] whales, int k) {
        int[] order = Ranking.descending(predicted);
        int found = 0;
        int all = 0;
        for (boolean w : whales) {
            all += w ? 1 : 0;
        }
        for (int j = 0; j < Math.min(k, order.length); j++) {
            found += whales[order[j]] ? 1 : 0;
        }
        return all == 0 ? Double.NaN : (double) found / all;
    }

    /** Whales defined as the true top {@code k} customers (then Recall@k equals precision@k). */
    public static boolean[] topK(double[] y, int k) {
        boolean[] top = new boolean[y.length];
        int[] order = Ranking.descending(y);
        for (int j = 0; j < Math.min(k, order.length); j++) {
            top[order[j]] = true;
        }
        return top;
    }

    /**
     * Gain (Lorenz) curve at {@code points} evenly spaced customer fractions: the share of value captured by the
     * top fraction when customers are ordered by prediction; {@code predicted = y} gives the perfect curve.
     */
    public static List<double[]> gainCurve(double[] y, double[] predicted, int points) {
        List<double[]> curve = new ArrayList<>();
        double total = Ranking.sum(y);
        int[] order = Ranking.descending(predicted);
        double cumulative = 0;
        int next = 0;
        curve.add(new double[] {0, 0});
        for (int p = 1; p < points; p++) {
            int upTo = (int) Math.round((double) p / (points - 1) * y.length);
            while (next < upTo) {
                cumulative += y[order[next++]];
            }
            curve.add(new double[] {(double) upTo / y.length, total == 0 ? 0 : cumulative / total});
        }
        return curve;
    }

    private static double pearson(double[] a, double[] b) {
        double meanA = Ranking.sum(a) / a.length;
        double meanB = Ranking.sum(b) / b.length;
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - meanA) * (b[i] - meanB);
            varA += (a[i] - meanA) * (a[i] - meanA);
            varB += (b[i] - meanB) * (b[i] - meanB);
        }
        return varA == 0 || varB == 0 ? Double.NaN : cov / Math.sqrt(varA * varB);
    }

    private static double[] select(double[] values, List<Integer> indexes) {
        return indexes.stream().mapToDouble(i -> values[i]).toArray();
    }
}

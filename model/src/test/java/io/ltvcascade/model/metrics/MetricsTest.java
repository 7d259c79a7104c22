package io.ltvcascade.model.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final double[] Y = {0, 0, 5, 10, 0, 100, 3, 0, 40, 1};

    @Test
    void shouldScorePerfectPredictionsPerfectly() {
        assertEquals(1, RankingMetrics.normalizedGini(Y, Y), 1e-12);
        assertEquals(1, BucketMetrics.sva(Y, Y, BucketMetrics.svaTheta(Y)), 1e-12);
        assertEquals(1, RankingMetrics.recallAtK(Y, RankingMetrics.topK(Y, 3), 3), 1e-12);
        assertEquals(0, ErrorMetrics.nmae(Y, Y), 1e-12);
        assertEquals(0, ErrorMetrics.ambe(Y, Y, null), 1e-12);
        assertEquals(1, RankingMetrics.spearman(Y, Y), 1e-12);
    }

    @Test
    void shouldGiveAboutZeroGiniForRandomOrderAndMinusOneForReversed() {
        Random random = new Random(1);
        double[] y = random.doubles(20_000).map(v -> v * v * 100).toArray();
        double[] noise = random.doubles(20_000).toArray();
        assertEquals(0, RankingMetrics.normalizedGini(y, noise), 0.03);
        double[] reversed = java.util.Arrays.stream(y).map(v -> -v).toArray();
        assertEquals(-1, RankingMetrics.normalizedGini(y, reversed), 1e-3, "discrete curves miss -1 by O(1/n)");
    }

    @Test
    void shouldComputeErrorsByTheirFormulas() {
        double[] y = {0, 2, 4};
        double[] p = {1, 1, 6};
        assertEquals((1 + 1 + 2) / 6.0, ErrorMetrics.nmae(y, p), 1e-12);
        assertEquals(Math.sqrt((1 + 1 + 4) / 3.0) / 2.0, ErrorMetrics.nrmse(y, p), 1e-12);
        assertEquals((0.5 + 0.5) / 2, ErrorMetrics.mape(y, p), 1e-12);
        assertEquals(Math.abs((1 - 1 + 2) / 3.0), ErrorMetrics.ambe(y, p, null), 1e-12);
        assertEquals(2, ErrorMetrics.ambe(y, p, new boolean[] {false, false, true}), 1e-12);
    }

    @Test
    void shouldComputeBucketScores() {
        int[] truth = {0, 0, 1, 2, 2, 2};
        int[] pred = {0, 1, 1, 2, 2, 0};
        assertEquals(4 / 6.0, BucketMetrics.accuracy(truth, pred), 1e-12);
        double[] f1 = BucketMetrics.f1PerBucket(truth, pred, 3);
        assertEquals(2 * 1.0 / (2 + 2), f1[0], 1e-12);
        assertEquals(2 * 1.0 / (1 + 2), f1[1], 1e-12);
        assertEquals(2 * 2.0 / (3 + 2), f1[2], 1e-12);
        assertEquals(1, BucketMetrics.confusion(truth, pred, 3)[2][0]);
    }

    @Test
    void shouldUseStrataAroundTheMedianOfPayers() {
        double[] y = {0, 1, 2, 3, 10};
        assertEquals(2.5, BucketMetrics.svaTheta(y), 1e-12);
        assertEquals(0.6, BucketMetrics.sva(y, new double[] {0, 2, 3, 0, 11}, 2.5), 1e-12);
    }

    @Test
    void shouldCaptureRevenueAndDrawCurves() {
        assertEquals(100 / 159.0, RankingMetrics.revenueCapture(Y, Y, 0.1), 1e-12);
        List<double[]> curve = RankingMetrics.gainCurve(Y, Y, 11);
        assertEquals(11, curve.size());
        assertEquals(1, curve.get(10)[1], 1e-12);
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i)[1] >= curve.get(i - 1)[1]);
        }
        List<DecileRow> deciles = Calibration.deciles(Y, Y);
        assertEquals(10, deciles.size());
        assertEquals(100, deciles.get(0).meanActual(), 1e-12);
    }

    @Test
    void shouldBundleEverythingInAReport() {
        int[] buckets = {0, 0, 1, 2, 0, 3, 1, 0, 3, 1};
        QualityReport report = QualityReports.evaluate(Y, Y, buckets, buckets, 4, 2);
        assertEquals(1, report.normalizedGini(), 1e-12);
        assertEquals(1, report.topBucketF1(), 1e-12);
        assertEquals(1, report.recallAtKTopBucket(), 1e-12);
        assertEquals(101, report.gainCurve().size());
    }
}

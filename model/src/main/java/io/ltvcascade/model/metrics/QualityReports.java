package io.ltvcascade.model.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Computes a {@link QualityReport} from true values, predictions and true/predicted buckets. */
public final class QualityReports {

    /** Points on each gain curve: every percent of customers. */
    public static final int GAIN_POINTS = 101;

    private QualityReports() {}

    /**
     * @param recallK the campaign size k for Recall@k (the spec's 5000 scaled to the split, e.g. 1% of customers)
     */
    public static QualityReport evaluate(double[] y, double[] predicted, int[] trueBuckets, int[] predictedBuckets,
            int buckets, int recallK) {
        int top = buckets - 1;
        boolean[] trueTop = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            trueTop[i] = trueBuckets[i] == top;
        }
        double[] f1 = BucketMetrics.f1PerBucket(trueBuckets, predictedBuckets, buckets);
        double theta = BucketMetrics.svaTheta(y);
        Map<String, Double> capture = new LinkedHashMap<>();
        for (int percent : new int[] {1, 5, 10, 20}) {
            capture.put(percent + "%", RankingMetrics.revenueCapture(y, predicted, percent / 100.0));
        }
        return new QualityReport(y.length,
                RankingMetrics.normalizedGini(y, predicted), RankingMetrics.rawGini(y, predicted),
                RankingMetrics.spearman(y, predicted), RankingMetrics.spearmanPayers(y, predicted),
                ErrorMetrics.nmae(y, predicted), ErrorMetrics.nrmse(y, predicted), ErrorMetrics.mape(y, predicted),
                ErrorMetrics.ambe(y, predicted, null), ErrorMetrics.ambe(y, predicted, trueTop),
                BucketMetrics.accuracy(trueBuckets, predictedBuckets), f1, BucketMetrics.macroF1(f1), f1[top],
                BucketMetrics.confusion(trueBuckets, predictedBuckets, buckets),
                BucketMetrics.sva(y, predicted, theta), theta,
                recallK, RankingMetrics.recallAtK(predicted, trueTop, recallK),
                RankingMetrics.recallAtK(predicted, RankingMetrics.topK(y, recallK), recallK),
                capture, Calibration.deciles(y, predicted),
                RankingMetrics.gainCurve(y, predicted, GAIN_POINTS), RankingMetrics.gainCurve(y, y, GAIN_POINTS));
    }
}

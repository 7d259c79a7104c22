package io.ltvcascade.model.metrics;

import java.util.List;
import java.util.Map;

/**
 * Every quality metric of one model on one held-out split (definitions in ccor-spec section 5), plus the curves
 * and tables the console draws. Serialisable to JSON as is.
 *
 * @param rawGini Gini of the prediction order, not normalised by the perfect order
 * @param ambeTopBucket mean bias over the customers whose true bucket is the top one ("whale AMBE")
 * @param recallAtKTopBucket share of true top-bucket customers among the top k predicted
 * @param recallAtKTopK share of the true top k customers among the top k predicted (equals precision@k)
 * @param revenueCapture share of value held by the top 1/5/10/20% of customers by prediction, keyed "1%" etc.
 * @param gainCurve (customer fraction, value fraction) points in prediction order
 * @param perfectGainCurve the same in true-value order, the upper bound
 */
public record QualityReport(
        int customers,
        double normalizedGini,
        double rawGini,
        double spearman,
        double spearmanPayers,
        double nmae,
        double nrmse,
        double mape,
        double ambe,
        double ambeTopBucket,
        double bucketAccuracy,
        double[] bucketF1,
        double macroF1,
        double topBucketF1,
        int[][] bucketConfusion,
        double sva,
        double svaTheta,
        int recallK,
        double recallAtKTopBucket,
        double recallAtKTopK,
        Map<String, Double> revenueCapture,
        List<DecileRow> decileCalibration,
        List<double[]> gainCurve,
        List<double[]> perfectGainCurve) {}

package io.ltvcascade.model.ccor;

import java.util.Arrays;

/**
 * Per-customer outputs of a model (design.md, prediction contract).
 *
 * @param expected expected value, in label units
 * @param bucket predicted bucket, 0 = zero … K−1 = top
 * @param bucketProbabilities P(b = k) per customer; null for baselines, which have no bucket distribution
 * @param payerProbability P(y &gt; 0); null for the MSE-log baseline, which does not model it
 * @param highValueConfidence the high-value module's confidence ĉ where it ran, else NaN
 */
public record Predictions(
        double[] expected, int[] bucket, double[][] bucketProbabilities, double[] payerProbability,
        double[] highValueConfidence) {

    public int size() {
        return expected.length;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public Predictions rows(int from, int to) {
        return new Predictions(Arrays.copyOfRange(expected, from, to), Arrays.copyOfRange(bucket, from, to),
                bucketProbabilities == null ? null : Arrays.copyOfRange(bucketProbabilities, from, to),
                payerProbability == null ? null : Arrays.copyOfRange(payerProbability, from, to),
                Arrays.copyOfRange(highValueConfidence, from, to));
    }
}

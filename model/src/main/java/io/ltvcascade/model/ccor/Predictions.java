package io.ltvcascade.model.ccor;

import java.util.Arrays;
import java.util.List;

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

    /** The rows of {@code parts} one after the other. */
    public static Predictions concat(List<Predictions> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int n = parts.stream().mapToInt(Predictions::size).sum();
        double[] expected = new double[n];
        int[] bucket = new int[n];
        double[][] probs = parts.get(0).bucketProbabilities() == null ? null : new double[n][];
        double[] payer = parts.get(0).payerProbability() == null ? null : new double[n];
        double[] confidence = new double[n];
        int at = 0;
        for (Predictions p : parts) {
            int size = p.size();
            System.arraycopy(p.expected(), 0, expected, at, size);
            System.arraycopy(p.bucket(), 0, bucket, at, size);
            System.arraycopy(p.highValueConfidence(), 0, confidence, at, size);
            if (probs != null) {
                System.arraycopy(p.bucketProbabilities(), 0, probs, at, size);
            }
            if (payer != null) {
                System.arraycopy(p.payerProbability(), 0, payer, at, size);
            }
            at += size;
        }
        return new Predictions(expected, bucket, probs, payer, confidence);
    }
}

package io.ltvcascade.model.ccor;

import java.util.List;

/** Joins the predictions of consecutive batches. */
final class PredictionsConcat {

    private PredictionsConcat() {}

    static Predictions of(List<Predictions> parts) {
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

package io.ltvcascade.model.metrics;

/** Agreement of predicted and true value buckets: accuracy, per-bucket F1, confusion, and SVA strata. */
public final class BucketMetrics {

    /** Values at or below this count as zero, for buckets and for SVA strata. */
    public static final double ZERO_EPSILON = 1e-6;

    private BucketMetrics() {}

    public static double accuracy(int[] truth, int[] predicted) {
        int hits = 0;
        for (int i = 0; i < truth.length; i++) {
            hits += truth[i] == predicted[i] ? 1 : 0;
        }
        return (double) hits / truth.length;
    }

    /** confusion[t][p] = customers of true bucket t predicted in bucket p. */
    public static int[][] confusion(int[] truth, int[] predicted, int buckets) {
        int[][] matrix = new int[buckets][buckets];
        for (int i = 0; i < truth.length; i++) {
            matrix[truth[i]][predicted[i]]++;
        }
        return matrix;
    }

    /** One-vs-rest F1 of every bucket (0 where the bucket is neither predicted nor true). */
    public static double[] f1PerBucket(int[] truth, int[] predicted, int buckets) {
        int[][] m = confusion(truth, predicted, buckets);
        double[] f1 = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            int tp = m[b][b];
            int trueB = 0;
            int predB = 0;
            for (int o = 0; o < buckets; o++) {
                trueB += m[b][o];
                predB += m[o][b];
            }
            f1[b] = trueB + predB == 0 ? 0 : 2.0 * tp / (trueB + predB);
        }
        return f1;
    }

    public static double macroF1(double[] f1PerBucket) {
        return Ranking.sum(f1PerBucket) / f1PerBucket.length;
    }

    /**
     * Stratified Value Accuracy: share of customers whose predicted stratum (zero, low ≤ θ, high &gt; θ) matches
     * the true one, with θ the median of the positive true values.
     */
    public static double sva(double[] y, double[] predicted, double theta) {
        int hits = 0;
        for (int i = 0; i < y.length; i++) {
            hits += stratum(y[i], theta) == stratum(predicted[i], theta) ? 1 : 0;
        }
        return (double) hits / y.length;
    }

    /** The SVA threshold θ: median of the positive values (0 when there are none). */
    public static double svaTheta(double[] y) {
        double[] positives = java.util.Arrays.stream(y).filter(v -> v > ZERO_EPSILON).sorted().toArray();
        if (positives.length == 0) {
            return 0;
        }
        int mid = positives.length / 2;
        return positives.length % 2 == 1 ? positives[mid] : (positives[mid - 1] + positives[mid]) / 2;
    }

    private static int stratum(double v, double theta) {
        return v <= ZERO_EPSILON ? 0 : v <= theta ? 1 : 2;
    }
}

package io.ltvcascade.model.ccor;

import io.ltvcascade.model.data.LabelStatistics;
import java.util.Arrays;
import java.util.List;

/**
 * Value buckets fitted on training labels (spec 2.2): bucket 0 holds zeros (y ≤ 1e-6); the positives are cut at
 * the given quantiles; the top bucket reaches up to a high quantile of the positives. Each bucket has a centre
 * c_b and half-range r_b in the residual space ({@code raw} value or {@code log1p} of it).
 *
 * @param thresholds τ_0 = 1e-6 then the quantile cuts, in value units (K−1 of them)
 * @param topEdge the top bucket's upper edge, in value units
 */
public record BucketScheme(double[] thresholds, double topEdge, boolean logSpace, double[] centres, double[] halfRanges) {

    public static final double ZERO = 1e-6;
    private static final double MIN_HALF_RANGE = 1e-6;

    public static BucketScheme fit(double[] trainLabels, List<Double> quantiles, double topEdgeQuantile, boolean logSpace) {
        double[] positives = Arrays.stream(trainLabels).filter(v -> v > ZERO).sorted().toArray();
        if (positives.length < quantiles.size() + 2) {
            throw new IllegalArgumentException("need more positive training labels than buckets to fit thresholds, got "
                    + positives.length);
        }
        double[] thresholds = new double[quantiles.size() + 1];
        thresholds[0] = ZERO;
        for (int i = 0; i < quantiles.size(); i++) {
            thresholds[i + 1] = LabelStatistics.quantile(positives, quantiles.get(i));
        }
        double top = Math.max(LabelStatistics.quantile(positives, topEdgeQuantile), thresholds[thresholds.length - 1]);
        int k = thresholds.length + 1;
        double[] centres = new double[k];
        double[] halfRanges = new double[k];
        halfRanges[0] = MIN_HALF_RANGE;
        for (int b = 1; b < k; b++) {
            double lo = space(thresholds[b - 1], logSpace);
            double hi = space(b < k - 1 ? thresholds[b] : top, logSpace);
            centres[b] = (lo + hi) / 2;
            halfRanges[b] = Math.max((hi - lo) / 2, MIN_HALF_RANGE);
        }
        return new BucketScheme(thresholds, top, logSpace, centres, halfRanges);
    }

    public int buckets() {
        return centres.length;
    }

    public int bucketOf(double y) {
        int b = 0;
        while (b < thresholds.length && y > thresholds[b]) {
            b++;
        }
        return b;
    }

    public int[] bucketsOf(double[] y) {
        return Arrays.stream(y).mapToInt(this::bucketOf).toArray();
    }

    /** The residual target of y in bucket b: (s(y) − c_b) / r_b clipped to [−1, 1]. */
    public double normalize(int bucket, double y) {
        double v = (space(y, logSpace) - centres[bucket]) / halfRanges[bucket];
        return Math.max(-1, Math.min(1, v));
    }

    /** The value in units of y for a normalised residual v in bucket b: v·r_b + c_b, mapped back from log1p. */
    public double denormalize(int bucket, double v) {
        if (bucket == 0) {
            return 0;
        }
        double s = v * halfRanges[bucket] + centres[bucket];
        return logSpace ? Math.expm1(s) : s;
    }

    static double space(double y, boolean log) {
        return log ? Math.log1p(y) : y;
    }
}

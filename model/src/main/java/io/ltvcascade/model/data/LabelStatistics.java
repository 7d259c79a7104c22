package io.ltvcascade.model.data;

import java.util.Arrays;

/**
 * Summary of a dataset's label (customer value): how many are zero, the mean, tail quantiles and how much of
 * the total the top customers hold. Quantiles interpolate linearly, like numpy's default.
 */
public record LabelStatistics(
        long count,
        double zeroShare,
        double mean,
        double p50,
        double p90,
        double p99,
        double p999,
        double max,
        double top1PctShare,
        double top10PctShare,
        double sum) {

    public static LabelStatistics of(double[] labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("no labels");
        }
        double[] sorted = labels.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        long zeros = Arrays.stream(sorted).filter(v -> v == 0).count();
        double sum = Arrays.stream(sorted).sum();
        return new LabelStatistics(n, (double) zeros / n, sum / n,
                quantile(sorted, 0.5), quantile(sorted, 0.9), quantile(sorted, 0.99), quantile(sorted, 0.999),
                sorted[n - 1], topShare(sorted, sum, 0.01), topShare(sorted, sum, 0.10), sum);
    }

    /** Linear-interpolated quantile of ascending {@code sorted} values. */
    public static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    // share of the total held by the top ceil(n * fraction) customers (at least one)
    private static double topShare(double[] sorted, double sum, double fraction) {
        if (sum == 0) {
            return 0;
        }
        int k = Math.max(1, (int) Math.ceil(sorted.length * fraction));
        double top = 0;
        for (int i = sorted.length - k; i < sorted.length; i++) {
            top += sorted[i];
        }
        return top / sum;
    }
}

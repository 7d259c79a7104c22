package io.ltvcascade.model.features;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One numeric column: missing values imputed with the training mean (plus an indicator when training had gaps),
 * optional log1p, then standardised with training statistics and clipped to the training range ({@code low} ..
 * {@code high}, standardised), so that unseen outliers cannot push a network into extrapolation.
 */
public record NumericEncoder(String column, double imputeValue, boolean log1p, double mean, double std,
        boolean missingIndicator, @JsonProperty(required = true) double low, @JsonProperty(required = true) double high) {

    static NumericEncoder fit(String column, double[] values, FeatureConfig config) {
        double sum = 0;
        int present = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                present++;
                min = Math.min(min, v);
            }
        }
        double impute = present == 0 ? 0 : sum / present;
        boolean log = min >= 0 && switch (config.log1p()) {
            case "all" -> true;
            case "auto" -> skewness(values, impute) > config.log1pSkewness();
            default -> false;
        };
        double mean = 0;
        double sq = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            double t = transform(Double.isNaN(v) ? impute : v, log);
            mean += t;
            sq += t * t;
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        mean /= values.length;
        double std = Math.sqrt(Math.max(sq / values.length - mean * mean, 0));
        double scale = std < 1e-12 ? 1 : std;
        return new NumericEncoder(column, impute, log, mean, scale, present < values.length, (lo - mean) / scale,
                (hi - mean) / scale);
    }

    /** The standardised, range-clipped value of one cell (NaN = missing). */
    public float encode(double value) {
        double v = Double.isNaN(value) ? imputeValue : value;
        double z = (transform(v, log1p) - mean) / std;
        return (float) Math.max(low, Math.min(high, z));
    }

    private static double transform(double v, boolean log) {
        return log ? Math.log1p(Math.max(v, 0)) : v;
    }

    private static double skewness(double[] values, double fill) {
        double mean = 0;
        for (double v : values) {
            mean += Double.isNaN(v) ? fill : v;
        }
        mean /= values.length;
        double m2 = 0;
        double m3 = 0;
        for (double v : values) {
            double d = (Double.isNaN(v) ? fill : v) - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= values.length;
        m3 /= values.length;
        return m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
    }
}

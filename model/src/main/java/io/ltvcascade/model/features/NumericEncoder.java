package io.ltvcascade.model.features;

/**
 * One numeric column: missing values imputed with the training mean (plus an indicator when training had gaps),
 * optional log1p, then standardised with training statistics.
 */
public record NumericEncoder(String column, double imputeValue, boolean log1p, double mean, double std,
        boolean missingIndicator) {

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
        for (double v : values) {
            double t = transform(Double.isNaN(v) ? impute : v, log);
            mean += t;
            sq += t * t;
        }
        mean /= values.length;
        double std = Math.sqrt(Math.max(sq / values.length - mean * mean, 0));
        return new NumericEncoder(column, impute, log, mean, std < 1e-12 ? 1 : std, present < values.length);
    }

    /** The standardised value of one cell (NaN = missing). */
    public float encode(double value) {
        double v = Double.isNaN(value) ? imputeValue : value;
        return (float) ((transform(v, log1p) - mean) / std);
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

package io.ltvcascade.model.metrics;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The headline metrics of a {@link QualityReport} by name: the key used in APIs and configs (the report's JSON field
 * name), the column header of the quality tables, how to read it and whether higher is better.
 */
public enum Metric {
    NORMALIZED_GINI("normalized_gini", "Gini", QualityReport::normalizedGini, true),
    SPEARMAN("spearman", "Spearman", QualityReport::spearman, true),
    SPEARMAN_PAYERS("spearman_payers", "Spearman payers", QualityReport::spearmanPayers, true),
    NMAE("nmae", "NMAE", QualityReport::nmae, false),
    NRMSE("nrmse", "NRMSE", QualityReport::nrmse, false),
    MAPE("mape", "MAPE", QualityReport::mape, false),
    AMBE("ambe", "AMBE", QualityReport::ambe, false),
    AMBE_TOP_BUCKET("ambe_top_bucket", "AMBE top", QualityReport::ambeTopBucket, false),
    BUCKET_ACCURACY("bucket_accuracy", "Bucket acc", QualityReport::bucketAccuracy, true),
    MACRO_F1("macro_f1", "Macro F1", QualityReport::macroF1, true),
    TOP_BUCKET_F1("top_bucket_f1", "Top F1", QualityReport::topBucketF1, true),
    SVA("sva", "SVA", QualityReport::sva, true),
    RECALL_AT_K_TOP_BUCKET("recall_at_k_top_bucket", "Recall@1% top bucket", QualityReport::recallAtKTopBucket, true),
    RECALL_AT_K_TOP_K("recall_at_k_top_k", "Recall@1% top-k", QualityReport::recallAtKTopK, true),
    TOP_10_CAPTURE("top_10_percent_capture", "Top 10% capture", r -> r.revenueCapture().get("10%"), true);

    private final String key;
    private final String header;
    private final ToDoubleFunction<QualityReport> reader;
    private final boolean higherIsBetter;

    Metric(String key, String header, ToDoubleFunction<QualityReport> reader, boolean higherIsBetter) {
        this.key = key;
        this.header = header;
        this.reader = reader;
        this.higherIsBetter = higherIsBetter;
    }

    /** The metric named {@code key} (e.g. {@code normalized_gini}), if there is one. */
    public static Optional<Metric> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    /** Every key, for error messages. */
    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(Metric::key).toList());
    }

    public String key() {
        return key;
    }

    public String header() {
        return header;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public double of(QualityReport report) {
        return reader.applyAsDouble(report);
    }

    /** How much better {@code candidate} is than {@code reference}: positive when better, whatever the direction. */
    public double improvement(double candidate, double reference) {
        return higherIsBetter ? candidate - reference : reference - candidate;
    }
}

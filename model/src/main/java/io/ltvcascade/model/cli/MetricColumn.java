package io.ltvcascade.model.cli;

import io.ltvcascade.model.metrics.QualityReport;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** A column of the quality tables: header, how to read it from a report, and whether higher is better. */
record MetricColumn(String header, ToDoubleFunction<QualityReport> value, boolean higherIsBetter) {

    static List<MetricColumn> all() {
        return List.of(
                new MetricColumn("Gini", QualityReport::normalizedGini, true),
                new MetricColumn("Spearman", QualityReport::spearman, true),
                new MetricColumn("Spearman payers", QualityReport::spearmanPayers, true),
                new MetricColumn("NMAE", QualityReport::nmae, false),
                new MetricColumn("NRMSE", QualityReport::nrmse, false),
                new MetricColumn("MAPE", QualityReport::mape, false),
                new MetricColumn("AMBE", QualityReport::ambe, false),
                new MetricColumn("AMBE top", QualityReport::ambeTopBucket, false),
                new MetricColumn("Bucket acc", QualityReport::bucketAccuracy, true),
                new MetricColumn("Macro F1", QualityReport::macroF1, true),
                new MetricColumn("Top F1", QualityReport::topBucketF1, true),
                new MetricColumn("SVA", QualityReport::sva, true),
                new MetricColumn("Recall@1% top bucket", QualityReport::recallAtKTopBucket, true),
                new MetricColumn("Recall@1% top-k", QualityReport::recallAtKTopK, true),
                new MetricColumn("Top 10% capture", r -> r.revenueCapture().get("10%"), true));
    }
}

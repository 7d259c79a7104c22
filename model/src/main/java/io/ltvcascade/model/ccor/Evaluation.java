package io.ltvcascade.model.ccor;

import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.metrics.QualityReport;
import io.ltvcascade.model.metrics.QualityReports;

/** Scores a model on a labelled table: its {@link QualityReport}, buckets judged by the model's own thresholds. */
public final class Evaluation {

    /** Recall@k campaign size as a share of the evaluated customers (the paper's 5000 scaled to the split). */
    public static final double RECALL_SHARE = 0.01;

    private Evaluation() {}

    public static QualityReport evaluate(LtvModel model, Table table) {
        return evaluate(model.predict(table), table.labels(), model.scheme());
    }

    public static QualityReport evaluate(Predictions p, double[] y, BucketScheme scheme) {
        int k = Math.max(1, (int) Math.round(y.length * RECALL_SHARE));
        return QualityReports.evaluate(y, p.expected(), scheme.bucketsOf(y), p.bucket(), scheme.buckets(), k);
    }

    /**
     * Scores bucket metrics on a common {@code reference} scheme, so that models with different bucket counts
     * compare like with like: each of the model's predicted buckets counts as the reference bucket holding its
     * lower edge (exact when the model's thresholds include the reference's, as finer quantile lists do).
     */
    public static QualityReport evaluateOn(Predictions p, double[] y, BucketScheme own, BucketScheme reference) {
        int[] mapped = new int[p.size()];
        for (int i = 0; i < mapped.length; i++) {
            int b = p.bucket()[i];
            mapped[i] = b == 0 ? 0 : reference.bucketOf(own.thresholds()[b - 1] * (1 + 1e-9) + 1e-12);
        }
        Predictions onReference = new Predictions(p.expected(), mapped, p.bucketProbabilities(), p.payerProbability(),
                p.highValueConfidence());
        return evaluate(onReference, y, reference);
    }
}

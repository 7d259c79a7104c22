package io.ltvcascade.api.serving;

import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.PredictionLayout;

/**
 * One model version in memory, shared by request threads: features are encoded on the request's thread, forward
 * passes go through its {@link BatchingScorer} (large ones split across cores by the {@link ForwardSplitter}), and it is closed only when the cache has dropped it and no request
 * still uses it.
 */
final class LoadedModel {

    private final long versionId;
    private final LtvModel model;
    private final PredictionLayout layout;
    private final long weight;
    private final BatchingScorer scorer;
    private int users;
    private boolean dropped;

    LoadedModel(long versionId, LtvModel model, String idColumn, long weight, Batching batching,
            ForwardSplitter splitter) {
        this.versionId = versionId;
        this.model = model;
        this.layout = new PredictionLayout(idColumn, model.features());
        this.weight = weight;
        this.scorer = new BatchingScorer(rows -> splitter.predict(model, rows), batching);
    }

    long versionId() {
        return versionId;
    }

    LtvModel model() {
        return model;
    }

    /** Where a request's columns go: the training dataset's id column and the model's features. */
    PredictionLayout layout() {
        return layout;
    }

    long weight() {
        return weight;
    }

    Predictions predict(Table rows) throws InterruptedException {
        return scorer.score(model.features().encode(rows));
    }

    /** Registers a user; false once the cache dropped this model (the caller looks it up again). */
    synchronized boolean retain() {
        if (dropped) {
            return false;
        }
        users++;
        return true;
    }

    synchronized void release() {
        users--;
        closeIfUnused();
    }

    /** Called by the cache on eviction: closes now, or when the last user releases it. */
    synchronized void drop() {
        dropped = true;
        closeIfUnused();
    }

    synchronized boolean isClosed() {
        return dropped && users == 0;
    }

    private void closeIfUnused() {
        if (dropped && users == 0) {
            model.close();
        }
    }
}

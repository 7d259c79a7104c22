package io.ltvcascade.model.ccor;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.FeatureConfig;
import io.ltvcascade.model.features.FeaturePipeline;

/**
 * Models with seeded random parameters, their features and buckets fitted on a table: for structural tests and for
 * warming up the scoring code (the worker's start-up), where what matters is the work a model does, not its numbers.
 */
public final class UntrainedModels {

    private UntrainedModels() {}

    public static LtvModel create(Table table, ModelConfig config, int seed) {
        FeaturePipeline features = FeaturePipeline.fit(table, FeatureConfig.defaults());
        BucketScheme scheme = BucketScheme.fit(table.labels(), config.ccor().bucketQuantiles(),
                config.ccor().topEdgeQuantile(), true);
        DjlRuntime.configure();
        Engine.getInstance().setRandomSeed(seed);
        return LtvModel.create(config, features, scheme, Device.cpu());
    }
}

package io.ltvcascade.model.ccor;

import ai.djl.Device;
import io.ltvcascade.model.data.Table;

/**
 * Models with seeded random parameters, their features and buckets fitted on a table as training fits them: for
 * structural tests and for warming up the scoring code (the worker's start-up), where what matters is the work a model
 * does, not its numbers.
 */
public final class UntrainedModels {

    private UntrainedModels() {}

    public static LtvModel create(Table table, ModelConfig config, int seed) {
        DjlRuntime.configure();
        return LtvModel.initialise(config, table, Device.cpu(), seed);
    }
}

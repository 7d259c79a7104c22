package io.ltvcascade.model.ccor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;

/** One model family's network, its training loss and how its raw outputs become predictions. */
public interface LtvNetwork {

    Block block();

    /**
     * @param y labels in value units (B), float32
     * @param buckets true buckets (B), int64
     */
    LossTerms loss(NDList outputs, NDArray y, NDArray buckets);

    /** Predictions from the outputs of an inference-mode forward pass. */
    Predictions assemble(NDList outputs);

    /** Builds the network of {@code config}'s type. */
    static LtvNetwork create(ModelConfig config, io.ltvcascade.model.features.FeaturePipeline features, BucketScheme scheme) {
        return config.type() == ModelType.CCOR
                ? new CcorNetwork(features, config, scheme)
                : new BaselineNetwork(features, config, scheme);
    }
}

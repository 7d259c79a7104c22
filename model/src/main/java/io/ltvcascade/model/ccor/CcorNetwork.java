package io.ltvcascade.model.ccor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import io.ltvcascade.model.features.FeaturePipeline;

/** CC-OR-Net as an {@link LtvNetwork}: {@link CcorBlock}, {@link CcorLoss} and {@link CcorAssembler}. */
final class CcorNetwork implements LtvNetwork {

    private final CcorBlock block;
    private final CcorLoss loss;
    private final CcorAssembler assembler;

    CcorNetwork(FeaturePipeline features, ModelConfig config, BucketScheme scheme) {
        this.block = new CcorBlock(features, config);
        this.loss = new CcorLoss(config.ccor(), scheme);
        this.assembler = new CcorAssembler(scheme, config.ccor());
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public LossTerms loss(NDList outputs, NDArray y, NDArray buckets) {
        return loss.compute(outputs, y, buckets);
    }

    @Override
    public Predictions assemble(NDList outputs) {
        return assembler.assemble(outputs.get(CcorBlock.CASCADE).toFloatArray(),
                outputs.get(CcorBlock.RESIDUAL).toFloatArray(),
                outputs.get(CcorBlock.AUGMENTED).toFloatArray(), // (B, 1) at inference: one value per customer
                outputs.get(CcorBlock.CONFIDENCE).toFloatArray());
    }
}

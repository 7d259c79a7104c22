package io.ltvcascade.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.ltvcascade.model.features.CategoricalEncoder;
import io.ltvcascade.model.features.FeaturePipeline;
import io.ltvcascade.model.script.ScriptBuilder;
import io.ltvcascade.model.script.ScriptableBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared encoder (spec 2.1): one embedding per categorical column, concatenated with the standardised
 * numeric inputs, through an MLP to h ∈ ℝ^{d_h}. Inputs: numeric (B, W) float32 and categories (B, C) int64.
 */
public final class FeatureEncoderBlock extends AbstractBlock implements ScriptableBlock {

    private final List<EmbeddingTable> embeddings = new ArrayList<>();
    private final SequentialBlock mlp;
    private final int inputWidth;
    private final int hiddenWidth;

    public FeatureEncoderBlock(FeaturePipeline features, List<Integer> widths, double dropout) {
        super((byte) 1);
        int width = features.numericWidth();
        for (CategoricalEncoder c : features.categorical()) {
            embeddings.add(addChildBlock("embedding_" + c.column(), new EmbeddingTable(c.slots(), c.embeddingDim())));
            width += c.embeddingDim();
        }
        this.inputWidth = width;
        this.hiddenWidth = widths.get(widths.size() - 1);
        this.mlp = addChildBlock("mlp", Layers.mlp(widths, dropout));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList parts = new NDList(inputs.get(0));
        if (!embeddings.isEmpty()) {
            NDArray categories = inputs.get(1);
            for (int c = 0; c < embeddings.size(); c++) {
                NDArray ids = categories.get(":, " + c);
                parts.add(embeddings.get(c).forward(store, new NDList(ids), training).singletonOrThrow());
            }
        }
        NDArray x = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 1);
        return mlp.forward(store, new NDList(x), training);
    }

    @Override
    public List<String> script(ScriptBuilder script, List<String> inputs) {
        List<String> parts = new ArrayList<>(List.of(inputs.get(0)));
        for (int c = 0; c < embeddings.size(); c++) {
            parts.add(script.apply(embeddings.get(c), script.let("torch.select(" + inputs.get(1) + ", 1, " + c + ")")));
        }
        String x = parts.size() == 1 ? parts.get(0) : script.let("torch.cat([" + String.join(", ", parts) + "], 1)");
        return List.of(script.apply(mlp, x));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        for (EmbeddingTable embedding : embeddings) {
            embedding.initialize(manager, dataType, new Shape(batch));
        }
        mlp.initialize(manager, dataType, new Shape(batch, inputWidth));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), hiddenWidth)};
    }

    public int hiddenWidth() {
        return hiddenWidth;
    }
}

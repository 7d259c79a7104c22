package io.ltvcascade.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Pre-activation residual block u ← u + W₂·GELU(W₁·LN(u)) at a fixed width (spec 2.6). */
public final class PreActResidualBlock extends AbstractBlock {

    private final LayerNorm norm;
    private final Linear inner;
    private final Linear outer;
    private final int width;

    public PreActResidualBlock(int width) {
        super((byte) 1);
        this.width = width;
        this.norm = addChildBlock("norm", LayerNorm.builder().build());
        this.inner = addChildBlock("inner", Layers.linear(width));
        this.outer = addChildBlock("outer", Layers.linear(width));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray u = inputs.singletonOrThrow();
        NDArray x = norm.forward(store, new NDList(u), training).singletonOrThrow();
        x = Activation.gelu(inner.forward(store, new NDList(x), training).singletonOrThrow());
        x = outer.forward(store, new NDList(x), training).singletonOrThrow();
        return new NDList(u.add(x));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = new Shape(inputShapes[0].get(0), width);
        norm.initialize(manager, dataType, shape);
        inner.initialize(manager, dataType, shape);
        outer.initialize(manager, dataType, shape);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}

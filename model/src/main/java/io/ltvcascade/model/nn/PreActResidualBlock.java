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
import io.ltvcascade.model.script.ScriptBuilder;
import io.ltvcascade.model.script.ScriptableBlock;
import java.util.List;

/** Pre-activation residual block u ← u + W₂·GELU(W₁·LN(u)) at a fixed width (spec 2.6). */
public final class PreActResidualBlock extends AbstractBlock implements ScriptableBlock {

    /** LayerNorm's ε (DJL's default, named because the TorchScript form passes it too). */
    private static final float NORM_EPSILON = 1e-5f;

    private final LayerNorm norm;
    private final Linear inner;
    private final Linear outer;
    private final int width;

    public PreActResidualBlock(int width) {
        super((byte) 1);
        this.width = width;
        this.norm = addChildBlock("norm", LayerNorm.builder().optEpsilon(NORM_EPSILON).build());
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
    public List<String> script(ScriptBuilder script, List<String> inputs) {
        String u = inputs.get(0);
        // DJL hands torch its float ε widened to a double: the same double here
        String x = script.let("torch.layer_norm(" + u + ", [" + width + "], "
                + script.attribute(norm.getParameters().get("gamma")) + ", "
                + script.attribute(norm.getParameters().get("beta")) + ", " + (double) NORM_EPSILON + ", True)");
        x = script.let("torch.gelu(" + script.apply(inner, x) + ")");
        return List.of(script.let("torch.add(" + u + ", " + script.apply(outer, x) + ")"));
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

package io.ltvcascade.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.ltvcascade.model.script.ScriptBuilder;
import io.ltvcascade.model.script.ScriptableBlock;
import java.util.List;

/** A lookup table of {@code slots × dim} trainable vectors, indexed by int64 category ids of shape (B). */
public final class EmbeddingTable extends AbstractBlock implements ScriptableBlock {

    private final Parameter weight;
    private final int dim;

    public EmbeddingTable(int slots, int dim) {
        super((byte) 1);
        this.dim = dim;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(slots, dim)).optInitializer(new NormalInitializer(0.05f)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        NDArray table = store.getValue(weight, ids.getDevice(), training);
        NDArray vectors = table.get(ids);
        // DJL attaches an op's result to its first operand's manager, here the model's: without this, every batch
        // and every prediction would leave its looked-up vectors alive until the model is closed
        vectors.attach(ids.getManager());
        return new NDList(vectors);
    }

    @Override
    public List<String> script(ScriptBuilder script, List<String> inputs) {
        return List.of(script.let("torch.embedding(" + script.attribute(weight) + ", " + inputs.get(0) + ")"));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), dim)};
    }
}

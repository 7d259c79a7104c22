package io.ltvcascade.model.nn;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.List;

/** Small builders for the plain layers the networks share. */
public final class Layers {

    private Layers() {}

    /** Linear → ReLU (→ dropout) per width. */
    public static SequentialBlock mlp(List<Integer> widths, double dropout) {
        SequentialBlock block = new SequentialBlock();
        for (int width : widths) {
            block.add(Linear.builder().setUnits(width).build()).add(Activation.reluBlock());
            if (dropout > 0) {
                block.add(Dropout.builder().optRate((float) dropout).build());
            }
        }
        return block;
    }

    public static Linear linear(int units) {
        return Linear.builder().setUnits(units).build();
    }
}

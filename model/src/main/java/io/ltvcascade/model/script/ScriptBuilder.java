package io.ltvcascade.model.script;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a network's inference-mode forward pass as the source of one TorchScript method, with the network's
 * parameters as the module's tensor attributes. The statements call the torch operations DJL calls for the blocks,
 * in the same order, so the scripted network computes the same bits as the blocks ({@code FrozenModelTest}); libtorch
 * then runs the whole pass in one call instead of one engine call (and a Java array object) per operation.
 */
public final class ScriptBuilder {

    private static final String CLASS_NAME = "LtvScriptedNetwork";

    private final StringBuilder body = new StringBuilder();
    private final List<ScriptArchive.Tensor> tensors = new ArrayList<>();
    private int variables;

    /** The script variable holding the forward method's {@code index}-th input. */
    public static String input(int index) {
        return "x" + index;
    }

    /** Appends {@code name = expression} with a fresh name and returns the name. */
    public String let(String expression) {
        String name = "_" + variables++;
        body.append("    ").append(name).append(" = ").append(expression).append('\n');
        return name;
    }

    /** The parameter's current values as a module attribute; returns the expression that reads it. */
    public String attribute(Parameter parameter) {
        NDArray array = parameter.getArray();
        String name = "p" + tensors.size();
        tensors.add(new ScriptArchive.Tensor(name, array.getShape().getShape(), array.toFloatArray()));
        return "self." + name;
    }

    /** One output of {@code block} applied to {@code inputs}. */
    public String apply(Block block, String... inputs) {
        List<String> outputs = applyAll(block, List.of(inputs));
        if (outputs.size() != 1) {
            throw new IllegalStateException(block.getClass().getSimpleName() + " gave " + outputs.size() + " outputs");
        }
        return outputs.get(0);
    }

    /** The outputs of {@code block} applied to {@code inputs}. */
    public List<String> applyAll(Block block, List<String> inputs) {
        if (block instanceof ScriptableBlock scriptable) {
            return scriptable.script(this, inputs);
        }
        if (block instanceof SequentialBlock sequential) {
            List<String> values = inputs;
            for (Block child : sequential.getChildren().values()) {
                values = applyAll(child, values);
            }
            return values;
        }
        String x = single(block, inputs);
        if (block instanceof Linear linear) {
            Parameter bias = linear.getParameters().get("bias");
            String weight = attribute(linear.getParameters().get("weight"));
            return List.of(let("torch.linear(" + x + ", " + weight + (bias == null ? "" : ", " + attribute(bias)) + ")"));
        }
        if (block instanceof Dropout) {
            return List.of(x); // inference: the identity
        }
        if (block instanceof LambdaBlock lambda && "ReLU".equals(lambda.getName())) {
            return List.of(let("torch.relu(" + x + ")"));
        }
        throw new IllegalArgumentException("no TorchScript form for " + block.getClass().getName()
                + (block instanceof LambdaBlock lambda ? " " + lambda.getName() : ""));
    }

    private static String single(Block block, List<String> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(block.getClass().getSimpleName() + " takes one input, not " + inputs.size());
        }
        return inputs.get(0);
    }

    /**
     * The TorchScript archive of a module whose {@code forward(x0, x1, ...)} (all tensors) runs the statements
     * appended so far and returns {@code outputs}: one tensor, or a tuple of them.
     */
    public byte[] archive(int inputs, List<String> outputs) {
        StringBuilder source = new StringBuilder("class ").append(CLASS_NAME).append("(Module):\n");
        source.append("  __parameters__ = []\n");
        source.append("  training : bool\n");
        for (ScriptArchive.Tensor t : tensors) {
            source.append("  ").append(t.name()).append(" : Tensor\n");
        }
        source.append("  def forward(self: __torch__.").append(CLASS_NAME);
        for (int i = 0; i < inputs; i++) {
            source.append(",\n    ").append(input(i)).append(": Tensor");
        }
        String tensorType = outputs.size() == 1 ? "Tensor"
                : outputs.stream().map(o -> "Tensor").collect(Collectors.joining(", ", "Tuple[", "]"));
        source.append(") -> ").append(tensorType).append(":\n");
        source.append(body);
        source.append("    return ").append(outputs.size() == 1 ? outputs.get(0) : "(" + String.join(", ", outputs) + ")")
                .append('\n');
        return ScriptArchive.write(CLASS_NAME, source.toString(), tensors);
    }
}

package io.ltvcascade.model.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.Dropout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the builder writes for DJL's plain blocks; {@code FrozenModelTest} runs whole networks. */
class ScriptBuilderTest {

    @Test
    void shouldWriteOneStatementPerOperationAndSkipDropout() {
        ScriptBuilder script = new ScriptBuilder();
        SequentialBlock block = new SequentialBlock().add(Activation.reluBlock())
                .add(Dropout.builder().optRate(0.5f).build()).add(Activation.reluBlock());
        assertEquals(List.of("_1"), script.applyAll(block, List.of(ScriptBuilder.input(0))));
        String source = new String(script.archive(1, List.of("_1")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(source.contains("    _0 = torch.relu(x0)\n    _1 = torch.relu(_0)\n    return _1\n"), source);
    }

    @Test
    void shouldRefuseABlockItHasNoFormFor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScriptBuilder().applyAll(Activation.tanhBlock(), List.of("x0")));
        assertTrue(e.getMessage().contains("no TorchScript form for ai.djl.nn.LambdaBlock Tanh"), e.getMessage());
    }
}

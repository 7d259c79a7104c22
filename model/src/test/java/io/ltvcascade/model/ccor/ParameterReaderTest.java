package io.ltvcascade.model.ccor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.model.data.Table;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parameters read back are exactly those DJL's own reader gives, and a cut-short file is refused. */
class ParameterReaderTest {

    private static final Table DATA = SyntheticData.generate(2000, 5);

    @Test
    void shouldLoadTheSameTensorsAsDjlsOwnReader() throws Exception {
        try (LtvModel source = UntrainedModels.create(DATA, ModelConfig.defaults(), 5);
                LtvModel ours = UntrainedModels.create(DATA, ModelConfig.defaults(), 6);
                LtvModel djls = UntrainedModels.create(DATA, ModelConfig.defaults(), 7)) {
            byte[] parameters = source.parameters();
            assertFalse(Arrays.equals(parameters, ours.parameters()), "different seeds, different starting values");
            ParameterReader.load(ours.network().block(), ours.manager(), parameters);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
                djls.network().block().loadParameters(djls.manager(), in);
            }
            List<Pair<String, Parameter>> expected = djls.network().block().getParameters().stream().toList();
            List<Pair<String, Parameter>> actual = ours.network().block().getParameters().stream().toList();
            assertEquals(expected.size(), actual.size());
            assertTrue(expected.size() > 50, "every tensor of CC-OR-Net compared, not a few");
            for (int i = 0; i < expected.size(); i++) {
                NDArray want = expected.get(i).getValue().getArray();
                NDArray got = actual.get(i).getValue().getArray();
                String name = expected.get(i).getKey();
                assertEquals(name, actual.get(i).getKey());
                assertEquals(want.getShape(), got.getShape(), name);
                assertEquals(want.getDataType(), got.getDataType(), name);
                assertEquals(want.getName(), got.getName(), name);
                assertArrayEquals(want.toFloatArray(), got.toFloatArray(), name);
            }
            assertArrayEquals(parameters, ours.parameters(), "written back, the same bytes");
        }
    }

    @Test
    void shouldRefuseParametersCutShort() {
        try (LtvModel source = UntrainedModels.create(DATA, ModelConfig.defaults(), 5);
                LtvModel target = UntrainedModels.create(DATA, ModelConfig.defaults(), 6)) {
            byte[] parameters = source.parameters();
            // inside a tensor's data, and inside the headers of the blocks and tensors around it
            for (int length : new int[] {parameters.length / 2, parameters.length - 10, 40}) {
                byte[] cut = Arrays.copyOf(parameters, length);
                var refused = assertThrows(IllegalArgumentException.class, () -> target.loadParameters(cut));
                assertTrue(refused.getMessage().startsWith("the model parameters do not fit this network: ")
                        && !refused.getMessage().endsWith("null"), refused.getMessage());
            }
        }
    }
}

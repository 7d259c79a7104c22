package io.ltvcascade.model.ccor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.EncodedFeatures;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A frozen model runs its inference pass as one TorchScript module written from its blocks; it predicts exactly
 * what the blocks predict, for every network option and baseline, in passes of any size, on every call (the graph
 * executor profiles and optimises a module over its first calls).
 */
class FrozenModelTest {

    private static final Table DATA = SyntheticData.generate(300, 5);

    static Stream<ModelConfig> configs() {
        CcorOptions softmax = new CcorOptions(null, null, null, null, null, null, null, null, null, null, null, null,
                "softmax", null, null, null, null, null, null, null, null);
        return Stream.concat(Stream.of(ModelConfig.defaults(), new ModelConfig(null, null, null, null, softmax, null)),
                ModelOptionsTest.configs());
    }

    @ParameterizedTest
    @MethodSource("configs")
    void shouldPredictTheSameBitsAsTheBlocks(ModelConfig config) {
        try (LtvModel model = UntrainedModels.create(DATA, config, 7)) {
            EncodedFeatures x = model.features().encode(DATA);
            Predictions all = model.predict(x);
            Predictions one = model.predict(x.rows(0, 1));
            model.freeze();
            for (int call = 0; call < 4; call++) {
                assertSame(all, model.predict(x), "all rows, call " + call);
                assertSame(one, model.predict(x.rows(0, 1)), "one row, call " + call);
            }
        }
    }

    private static void assertSame(Predictions expected, Predictions actual, String what) {
        assertArrayEquals(expected.expected(), actual.expected(), what);
        assertArrayEquals(expected.bucket(), actual.bucket(), what);
        if (expected.bucketProbabilities() != null) {
            assertArrayEquals(expected.bucketProbabilities(), actual.bucketProbabilities(), what);
        }
        if (expected.payerProbability() != null) {
            assertArrayEquals(expected.payerProbability(), actual.payerProbability(), what);
        }
        assertArrayEquals(expected.highValueConfidence(), actual.highValueConfidence(), what);
    }
}

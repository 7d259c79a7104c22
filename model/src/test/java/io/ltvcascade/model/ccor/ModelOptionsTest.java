package io.ltvcascade.model.ccor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.FeatureConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every configuration option trains and predicts sensibly (tiny runs), and bad values are refused. */
class ModelOptionsTest {

    private static final Table DATA = SyntheticData.generate(1500, 21);

    static Stream<ModelConfig> configs() {
        List<ModelConfig> configs = new ArrayList<>();
        configs.add(ccor(new CcorOptions(List.of(0.5, 0.75, 0.95), 0.99, "raw", 16, "d2", 0.5, 8, "huber", true, 1, 0.2,
                false, "sigmoid", 16, 1.0, 0.5, 0.5, 2.0, 0.3, 0.5, "hard"), null, 0.1));
        configs.add(ccor(new CcorOptions(null, null, null, null, "none", null, null, null, false, null, null, null, null,
                null, null, null, null, null, null, null, null), new FeatureConfig("all", null, 2), null));
        configs.add(ccor(CcorOptions.defaults(), new FeatureConfig("none", 1.0, null), null));
        for (String type : List.of("ziln", "mse_log", "two_stage")) {
            configs.add(new ModelConfig(type, List.of(16), null, null, null, training()));
        }
        return configs.stream();
    }

    @ParameterizedTest
    @MethodSource("configs")
    void shouldTrainAndPredictWithEveryOption(ModelConfig config) {
        List<EpochReport> reports = new ArrayList<>();
        try (TrainingResult result = new ModelTrainer(config, reports::add, () -> false).train(DATA, DATA)) {
            Predictions p = result.model().predict(DATA);
            assertEquals(2, reports.size());
            assertTrue(Double.isFinite(reports.get(0).losses().get("total")));
            assertTrue(java.util.Arrays.stream(p.expected()).allMatch(v -> v >= 0 && Double.isFinite(v)));
            int buckets = config.ccor().buckets();
            assertTrue(java.util.Arrays.stream(p.bucket()).allMatch(b -> b >= 0 && b < buckets));
            assertEquals("cpu()", result.device());
        }
    }

    @Test
    void shouldStopWhenCancelled() {
        ModelConfig config = new ModelConfig(null, List.of(16), null, null, null, training());
        assertThrows(CancellationException.class, () -> new ModelTrainer(config, r -> {}, () -> true).train(DATA, DATA));
    }

    @Test
    void shouldRefuseInvalidOptions() {
        assertThrows(IllegalArgumentException.class, () -> new ModelConfig("xgboost", null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ModelConfig(null, List.of(0), null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ModelConfig(null, null, 1.0, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new CcorOptions(List.of(0.75, 0.5), null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new CcorOptions(null, null, "sqrt", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(0, null, null, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(null, null, -1.0, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(null, null, null, null, null, null, null, "tpu"));
        assertThrows(IllegalArgumentException.class, () -> new FeatureConfig("sometimes", null, null));
    }

    private static ModelConfig ccor(CcorOptions options, FeatureConfig features, Double dropout) {
        return new ModelConfig("ccor", List.of(16), dropout, features, options, training());
    }

    private static TrainingConfig training() {
        return new TrainingConfig(2, 256, 3e-3, 1e-4, 1.0, 5, 13L, "cpu");
    }
}

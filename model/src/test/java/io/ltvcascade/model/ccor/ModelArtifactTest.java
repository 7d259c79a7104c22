package io.ltvcascade.model.ccor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.model.data.Table;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ModelArtifactTest {

    @Test
    void shouldPredictIdenticallyAfterARoundTrip() {
        Table data = SyntheticData.generate(3000, 11);
        ModelConfig config = new ModelConfig(null, java.util.List.of(32, 16), null, null, null,
                new TrainingConfig(2, 512, null, null, null, null, 3L, null));
        try (TrainingResult trained = new ModelTrainer(config, r -> {}, () -> false).train(data, data)) {
            assertTrue(trained.model().frozen(), "a trained model predicts through its TorchScript form");
            Predictions before = trained.model().predict(data);
            byte[] artifact = ModelArtifact.write(trained.model());
            try (LtvModel loaded = ModelArtifact.read(artifact, Device.cpu())) {
                assertTrue(loaded.frozen(), "a loaded model predicts through its TorchScript form");
                Predictions after = loaded.predict(data);
                assertArrayEquals(before.expected(), after.expected());
                assertArrayEquals(before.bucket(), after.bucket());
                assertEquals(trained.model().scheme().thresholds()[1], loaded.scheme().thresholds()[1]);
            }
            String text = new String(artifact, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(!text.contains("c2999"), "no training ids inside the artifact");
        }
    }

    @Test
    void shouldRefuseCorruptOrForeignArtifacts() {
        var garbage = assertThrows(ArtifactException.class, () -> ModelArtifact.read(new byte[] {1, 2, 3}, Device.cpu()));
        assertTrue(garbage.getMessage().contains("not"));
        Table data = SyntheticData.generate(1000, 12);
        ModelConfig config = new ModelConfig(null, java.util.List.of(8), null, null, null,
                new TrainingConfig(1, 512, null, null, null, null, 3L, null));
        try (TrainingResult trained = new ModelTrainer(config, r -> {}, () -> false).train(data, data)) {
            byte[] artifact = ModelArtifact.write(trained.model());
            byte[] truncated = Arrays.copyOf(artifact, artifact.length / 2);
            assertThrows(ArtifactException.class, () -> ModelArtifact.read(truncated, Device.cpu()));
        }
    }
}

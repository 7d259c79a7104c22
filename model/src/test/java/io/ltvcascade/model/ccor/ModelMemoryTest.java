package io.ltvcascade.model.ccor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.model.data.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Native memory stays bounded: training longer and predicting again leave no arrays behind on the model's manager
 * (DJL attaches some results and gradient handles there, where they would live until the model is closed).
 */
class ModelMemoryTest {

    private static final Table DATA = SyntheticData.generate(2000, 3);

    @Test
    void shouldHoldAsManyArraysAfterThreeEpochsAsAfterOne() {
        assertEquals(arraysAfterTraining(1), arraysAfterTraining(3));
    }

    @Test
    void shouldLeaveNoArraysBehindWhenPredicting() {
        try (TrainingResult trained = train(1)) {
            int before = trained.model().manager().getManagedArrays().size();
            for (int i = 0; i < 20; i++) {
                trained.model().predict(DATA);
            }
            assertEquals(before, trained.model().manager().getManagedArrays().size());
        }
    }

    private static int arraysAfterTraining(int epochs) {
        try (TrainingResult trained = train(epochs)) {
            return trained.model().manager().getManagedArrays().size();
        }
    }

    private static TrainingResult train(int epochs) {
        // the synthetic table has a categorical column, so the embedding path is covered
        ModelConfig config = new ModelConfig(null, List.of(16), null, null, null,
                new TrainingConfig(epochs, 512, null, null, null, epochs, 3L, null));
        return new ModelTrainer(config, r -> {}, () -> false).train(DATA, DATA);
    }
}

package io.ltvcascade.model.ccor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.model.data.Table;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One seed, one model, bit for bit, whatever the garbage collector does meanwhile. A thread forcing collections
 * every few milliseconds made training read freed memory in the backward pass (numbers that DJL kept in Java
 * buffers, see {@link Scalars}): every such run came out different, most of them NaN.
 */
class ReproducibilityTest {

    private static final Table DATA = SyntheticData.generate(1200, 32);

    @Test
    void shouldTrainTheSameParametersForOneSeedUnderGarbageCollection() throws Exception {
        byte[] calm = train(11, false);

        byte[] collected = train(11, true);

        assertArrayEquals(calm, collected, "same seed, same parameters, with collections running during training");
        assertFalse(Arrays.equals(calm, train(12, false)), "another seed trains other parameters");
    }

    private static byte[] train(long seed, boolean collectGarbage) throws InterruptedException {
        Thread collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gc-pressure");
        if (collectGarbage) {
            collector.start();
        }
        // the synthetic table has missing values and a categorical column; batches are small, so there are many steps
        ModelConfig config = new ModelConfig(null, List.of(16), null, null, null,
                new TrainingConfig(2, 128, null, null, null, 2, seed, null));
        try (TrainingResult trained = new ModelTrainer(config, r -> {}, () -> false).train(DATA, DATA)) {
            return trained.model().parameters();
        } finally {
            collector.interrupt();
            collector.join();
        }
    }
}

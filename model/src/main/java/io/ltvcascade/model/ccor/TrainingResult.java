package io.ltvcascade.model.ccor;

import java.util.List;

/**
 * A trained model (its parameters those of the best validation epoch), the per-epoch history and where it ran.
 *
 * @param stoppedEarly whether early stopping ended training before the last epoch
 */
public record TrainingResult(LtvModel model, List<EpochReport> history, int bestEpoch, boolean stoppedEarly,
        String device, double seconds) implements AutoCloseable {

    /** Closes the model (its native memory) when the caller is done with it. */
    @Override
    public void close() {
        model.close();
    }
}

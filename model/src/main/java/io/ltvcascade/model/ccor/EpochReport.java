package io.ltvcascade.model.ccor;

import java.util.Map;

/**
 * Progress after one epoch: mean loss per term over the epoch's batches, validation metrics, and speed.
 *
 * @param improved whether this epoch set a new best validation normalised Gini (its parameters are kept)
 */
public record EpochReport(
        int epoch, int maxEpochs, Map<String, Double> losses, double validationGini, double validationSpearman,
        boolean improved, double seconds, double samplesPerSecond) {}

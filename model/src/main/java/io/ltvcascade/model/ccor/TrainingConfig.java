package io.ltvcascade.model.ccor;

/**
 * The training loop's settings (spec 4 defaults; null means the default).
 *
 * @param epochs most passes over the training split; early stopping may end sooner
 * @param batchSize rows per step, at most: small training sets use smaller batches (not under 32) so that an
 *     epoch has at least 16 steps
 * @param patience epochs without a better validation normalised Gini before stopping
 * @param gradientClip gradients are clipped to this value
 * @param device {@code cpu}, {@code gpu} or {@code auto} (a GPU when the engine sees one)
 */
public record TrainingConfig(
        Integer epochs, Integer batchSize, Double learningRate, Double weightDecay, Double gradientClip, Integer patience,
        Long seed, String device) {

    public TrainingConfig {
        epochs = CcorOptions.or(epochs, 20);
        batchSize = CcorOptions.or(batchSize, 2048);
        learningRate = CcorOptions.or(learningRate, 1e-3);
        weightDecay = CcorOptions.or(weightDecay, 1e-5);
        gradientClip = CcorOptions.or(gradientClip, 5.0);
        patience = CcorOptions.or(patience, 4);
        seed = CcorOptions.or(seed, 42L);
        device = CcorOptions.or(device, "cpu");
        CcorOptions.positive("epochs", epochs);
        CcorOptions.positive("batch_size", batchSize);
        CcorOptions.positive("patience", patience);
        CcorOptions.oneOf("device", device, "cpu", "gpu", "auto");
        if (!(learningRate > 0) || weightDecay < 0 || !(gradientClip > 0)) {
            throw new IllegalArgumentException("learning_rate and gradient_clip must be positive, weight_decay not negative");
        }
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(null, null, null, null, null, null, null, null);
    }
}

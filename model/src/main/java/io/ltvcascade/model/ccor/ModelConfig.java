package io.ltvcascade.model.ccor;

import io.ltvcascade.model.features.FeatureConfig;
import java.util.List;

/**
 * Everything that defines a model before it sees data: its type, the shared encoder, the feature pipeline,
 * CC-OR-Net's options and the training loop. Null fields take their defaults.
 *
 * @param encoderWidths hidden widths of the shared encoder MLP; the last is d_h
 */
public record ModelConfig(
        String modelType, List<Integer> encoderWidths, Double dropout, FeatureConfig features, CcorOptions ccor,
        TrainingConfig training) {

    public ModelConfig {
        modelType = ModelType.parse(CcorOptions.or(modelType, "ccor")).wireName();
        encoderWidths = encoderWidths == null ? List.of(256, 128) : List.copyOf(encoderWidths);
        dropout = CcorOptions.or(dropout, 0.0);
        features = CcorOptions.or(features, FeatureConfig.defaults());
        ccor = CcorOptions.or(ccor, CcorOptions.defaults());
        training = CcorOptions.or(training, TrainingConfig.defaults());
        if (encoderWidths.isEmpty() || encoderWidths.stream().anyMatch(w -> w == null || w < 1)) {
            throw new IllegalArgumentException("encoder_widths must list positive widths, got " + encoderWidths);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    public static ModelConfig defaults() {
        return new ModelConfig(null, null, null, null, null, null);
    }

    public ModelType type() {
        return ModelType.parse(modelType);
    }

    public int hiddenWidth() {
        return encoderWidths.get(encoderWidths.size() - 1);
    }
}

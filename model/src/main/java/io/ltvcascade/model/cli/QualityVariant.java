package io.ltvcascade.model.cli;

import io.ltvcascade.model.ccor.CcorOptions;
import io.ltvcascade.model.ccor.ModelConfig;
import io.ltvcascade.model.ccor.TrainingConfig;
import java.util.List;

/** One row of the quality report: a named model configuration (seed and epochs filled in per run). */
record QualityVariant(String name, String modelType, CcorOptions ccor, boolean ablation) {

    static List<QualityVariant> all() {
        return List.of(
                new QualityVariant("CC-OR-Net", "ccor", CcorOptions.defaults(), false),
                new QualityVariant("CC-OR-Net w/o high-value module", "ccor", options(null, null, false, null, null), false),
                new QualityVariant("ZILN", "ziln", null, false),
                new QualityVariant("MSE on log1p", "mse_log", null, false),
                new QualityVariant("Two-stage", "two_stage", null, false),
                new QualityVariant("CC-OR-Net, raw residual space", "ccor", options(null, "raw", null, null, null), true),
                new QualityVariant("CC-OR-Net, hard assembly", "ccor", options(null, null, null, "hard", null), true),
                new QualityVariant("CC-OR-Net, K=4 (0.5/0.75, the spec's default)", "ccor",
                        options(List.of(0.5, 0.75), null, null, null, null), true),
                new QualityVariant("CC-OR-Net, λ_h = 0.3", "ccor", options(null, null, null, null, 0.3), true));
    }

    ModelConfig config(long seed, int epochs) {
        return new ModelConfig(modelType, null, null, null, ccor,
                new TrainingConfig(epochs, 1024, null, null, null, 4, seed, "cpu"));
    }

    private static CcorOptions options(List<Double> quantiles, String space, Boolean highValue, String assembly,
            Double lambdaHighValue) {
        return new CcorOptions(quantiles, quantiles == null ? null : 0.999, space, null, null, null, null, null, highValue,
                null, null, null, null, null, null, null, null, null, lambdaHighValue, null, assembly);
    }
}

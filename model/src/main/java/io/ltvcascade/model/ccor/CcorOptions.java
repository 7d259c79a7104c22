package io.ltvcascade.model.ccor;

import java.util.List;

/**
 * CC-OR-Net's own options, each a default of spec section 8 made configurable (null means the default).
 *
 * @param bucketQuantiles quantiles of the positive training labels that cut the payer buckets (K = size + 2);
 *     default 50/75/90/99% (K = 6, the finer top buckets of A14): on the three real tables it ranked and
 *     calibrated whales better than the spec's 50/75% (docs/model-quality.md)
 * @param topEdgeQuantile quantile of positive training labels used as the top bucket's upper edge (A3)
 * @param residualSpace {@code raw} (the paper's formula) or {@code log1p} (A4); log1p is the default: on CDNOW it
 *     ranked better (docs/model-quality.md)
 * @param stageWidth width of each cascade stage's MLP s_k = MLP([h; s_{k−1}])
 * @param distillation {@code d1} (batch-prior KL into the heads with sg(h)), {@code d2} (flat softmax student
 *     distilled from the cascade at {@code distillTemperature}) or {@code none} (A6)
 * @param bucketEmbeddingDim width of the soft bucket embedding fed to the GLU alignment (A7)
 * @param residualLoss {@code mse} or {@code huber}
 * @param highValue whether the targeted high-value augmentation module is on
 * @param augmentCopies perturbed copies M per routed sample in training
 * @param augmentNoise σ_aug as a fraction of the per-dimension std of h
 * @param routeTrueWhales route true top-bucket customers too while training (A8)
 * @param attention {@code softmax} over feature dimensions or a {@code sigmoid} gate
 * @param headWidth hidden width of the augmentation module's regression and confidence heads
 * @param focalGamma focal loss γ of the confidence head; {@code focalAlpha} its α
 * @param lambdaDistill λ_d; {@code lambdaResidual} λ_r; {@code lambdaHighValue} λ_h; {@code lambdaConfidence} λ_c
 * @param assembly {@code hard} (argmax bucket) or {@code soft} (probability-weighted) prediction (2.8); soft is
 *     the default for expected values, as it ranked better; buckets always come from the argmax
 */
public record CcorOptions(
        List<Double> bucketQuantiles,
        Double topEdgeQuantile,
        String residualSpace,
        Integer stageWidth,
        String distillation,
        Double distillTemperature,
        Integer bucketEmbeddingDim,
        String residualLoss,
        Boolean highValue,
        Integer augmentCopies,
        Double augmentNoise,
        Boolean routeTrueWhales,
        String attention,
        Integer headWidth,
        Double focalGamma,
        Double focalAlpha,
        Double lambdaDistill,
        Double lambdaResidual,
        Double lambdaHighValue,
        Double lambdaConfidence,
        String assembly) {

    public CcorOptions {
        bucketQuantiles = bucketQuantiles == null ? List.of(0.5, 0.75, 0.9, 0.99) : List.copyOf(bucketQuantiles);
        topEdgeQuantile = or(topEdgeQuantile, 0.9995);
        residualSpace = or(residualSpace, "log1p");
        stageWidth = or(stageWidth, 64);
        distillation = or(distillation, "d1");
        distillTemperature = or(distillTemperature, 0.2);
        bucketEmbeddingDim = or(bucketEmbeddingDim, 16);
        residualLoss = or(residualLoss, "mse");
        highValue = or(highValue, true);
        augmentCopies = or(augmentCopies, 2);
        augmentNoise = or(augmentNoise, 0.1);
        routeTrueWhales = or(routeTrueWhales, true);
        attention = or(attention, "softmax");
        headWidth = or(headWidth, 64);
        focalGamma = or(focalGamma, 2.0);
        focalAlpha = or(focalAlpha, 0.25);
        lambdaDistill = or(lambdaDistill, 1.0);
        lambdaResidual = or(lambdaResidual, 1.0);
        lambdaHighValue = or(lambdaHighValue, 1.0);
        lambdaConfidence = or(lambdaConfidence, 1.0);
        assembly = or(assembly, "soft");
        validate(bucketQuantiles, topEdgeQuantile);
        oneOf("residual_space", residualSpace, "raw", "log1p");
        oneOf("distillation", distillation, "d1", "d2", "none");
        oneOf("residual_loss", residualLoss, "mse", "huber");
        oneOf("attention", attention, "softmax", "sigmoid");
        oneOf("assembly", assembly, "hard", "soft");
        positive("stage_width", stageWidth);
        positive("bucket_embedding_dim", bucketEmbeddingDim);
        positive("augment_copies", augmentCopies);
        positive("head_width", headWidth);
    }

    public static CcorOptions defaults() {
        return new CcorOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    public int buckets() {
        return bucketQuantiles.size() + 2;
    }

    private static void validate(List<Double> quantiles, double top) {
        double previous = 0;
        for (double q : quantiles) {
            if (!(q > previous && q < 1)) {
                throw new IllegalArgumentException("bucket_quantiles must be increasing and inside (0, 1), got " + quantiles);
            }
            previous = q;
        }
        if (!(top > previous && top <= 1)) {
            throw new IllegalArgumentException("top_edge_quantile must lie above the last bucket quantile and be at most 1");
        }
    }

    static void oneOf(String field, String value, String... allowed) {
        if (!List.of(allowed).contains(value)) {
            throw new IllegalArgumentException(field + " must be one of " + List.of(allowed) + ", got '" + value + "'");
        }
    }

    static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, got " + value);
        }
    }

    static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}

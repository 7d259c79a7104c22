package io.ltvcascade.model.ccor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/** Numerically stable pieces of the cascade's probability algebra (spec 2.3), on NDArrays. */
public final class CcorMath {

    private CcorMath() {}

    /** softplus(x) = max(x, 0) + log(1 + e^{−|x|}), stable for large |x|. */
    public static NDArray softplus(NDArray x) {
        return Scalars.maximum(x, 0).add(x.abs().neg().exp().add(1).log());
    }

    /**
     * Chain-rule bucket log-probabilities from the K−1 stage logits z (B, K−1): with log p_k = −softplus(−z_k),
     * log S_k = Σ_{j≤k} log p_j, log P(b=k) = log S_k + log(1 − p_{k+1}) for k &lt; K−1 and log S_{K−1} for the top.
     */
    public static NDArray logBucketProbs(NDArray z) {
        long stages = z.getShape().get(1);
        NDArray logP = softplus(z.neg()).neg();
        NDArray logNotP = softplus(z).neg();
        NDArray logSurvival = logP.cumSum(1);
        NDList parts = new NDList(logNotP.get(":, 0:1"));
        if (stages > 1) {
            parts.add(logSurvival.get(":, 0:" + (stages - 1)).add(logNotP.get(":, 1:" + stages)));
        }
        parts.add(logSurvival.get(":, " + (stages - 1) + ":" + stages));
        return NDArrays.concat(parts, 1);
    }
}

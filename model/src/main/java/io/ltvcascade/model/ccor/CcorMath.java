package io.ltvcascade.model.ccor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import io.ltvcascade.model.script.ScriptBuilder;

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

    /**
     * The same bucket probabilities as {@code exp(logBucketProbs(z))} in probability space, for inference (no
     * gradient, values only): with p = 1/(1 + e^{−z}), 1 − p = 1/(1 + e^{z}) and S = cumprod(p),
     * P = [1, S] ⊙ [1 − p, 1]. A dozen tensor operations instead of about thirty, which matters because a forward pass
     * over a few rows costs mostly per-operation overhead. Only operations that compute an element the same wherever
     * it sits in the tensor: torch's sigmoid computes a tensor's last elements on another path than the rest, so a
     * customer's probabilities would change in their last bits with the size of the pass they were scored in.
     */
    public static NDArray bucketProbs(NDArray z) {
        NDArray ones = z.getManager().ones(new Shape(z.getShape().get(0), 1), z.getDataType());
        NDArray passed = ones.div(z.neg().exp().add(ones));
        NDArray notPassed = ones.div(z.exp().add(ones));
        return NDArrays.concat(new NDList(ones, passed.cumProd(1)), 1).mul(NDArrays.concat(new NDList(notPassed, ones), 1));
    }

    /** {@link #bucketProbs} as TorchScript statements, the same operations in the same order. */
    static String scriptBucketProbs(ScriptBuilder s, String z) {
        String ones = s.let("torch.ones([torch.size(" + z + ", 0), 1])");
        String passed = s.let("torch.div(" + ones + ", torch.add(torch.exp(torch.neg(" + z + ")), " + ones + "))");
        String notPassed = s.let("torch.div(" + ones + ", torch.add(torch.exp(" + z + "), " + ones + "))");
        return s.let("torch.mul(torch.cat([" + ones + ", torch.cumprod(" + passed + ", 1)], 1), torch.cat(["
                + notPassed + ", " + ones + "], 1))");
    }
}

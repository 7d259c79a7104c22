package io.ltvcascade.model.ccor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * L = L_cas + λ_d·L_distill + λ_r·L_res + λ_h·(L_rel + λ_c·L_conf) (spec 3), with the stop-gradients of the
 * stop-gradient map: they live in {@link CcorBlock}'s forward pass, so each term only reaches its own modules.
 */
public final class CcorLoss {

    private final CcorOptions options;
    private final BucketScheme scheme;

    public CcorLoss(CcorOptions options, BucketScheme scheme) {
        this.options = options;
        this.scheme = scheme;
    }

    /**
     * @param y labels in value units (B), float32
     * @param buckets true buckets b* (B), int64
     */
    public LossTerms compute(NDList out, NDArray y, NDArray buckets) {
        NDManager m = y.getManager();
        NDArray z = out.get(CcorBlock.CASCADE);
        NDArray logP = CcorMath.logBucketProbs(z);
        Map<String, NDArray> terms = new LinkedHashMap<>();
        terms.put("cascade", cascade(z, buckets));
        terms.put("distill", distill(out.get(CcorBlock.DISTILL), logP, buckets));
        terms.put("residual", residual(out.get(CcorBlock.RESIDUAL), y, buckets, m));
        NDArray total = terms.get("cascade").add(Scalars.mul(terms.get("distill"), options.lambdaDistill()))
                .add(Scalars.mul(terms.get("residual"), options.lambdaResidual()));
        if (options.highValue()) {
            NDArray[] hv = highValue(out, logP, y, buckets, m);
            terms.put("high_value", hv[0]);
            terms.put("confidence", hv[1]);
            total = total.add(Scalars.mul(hv[0].add(Scalars.mul(hv[1], options.lambdaConfidence())),
                    options.lambdaHighValue()));
        }
        return new LossTerms(total, terms);
    }

    /** Σ_k mean over samples that reached stage k of BCE(p_k, 1[b* ≥ k]). */
    static NDArray cascade(NDArray z, NDArray buckets) {
        long stages = z.getShape().get(1);
        NDArray b = buckets.toType(DataType.FLOAT32, false);
        NDArray loss = z.getManager().create(0f);
        for (int k = 1; k <= stages; k++) {
            NDArray zk = z.get(":, " + (k - 1));
            NDArray target = b.gte(k).toType(DataType.FLOAT32, false);
            NDArray reached = b.gte(k - 1).toType(DataType.FLOAT32, false);
            NDArray bce = CcorMath.softplus(zk).sub(target.mul(zk));
            loss = loss.add(bce.mul(reached).sum().div(Scalars.maximum(reached.sum(), 1)));
        }
        return loss;
    }

    private NDArray distill(NDArray logits, NDArray logP, NDArray buckets) {
        int k = scheme.buckets();
        NDArray onehot = buckets.oneHot(k, DataType.FLOAT32);
        return switch (options.distillation()) {
            case "d1" -> {
                NDArray q = onehot.mean(new int[] {0});
                NDArray mean = CcorMath.logBucketProbs(logits).exp().mean(new int[] {0});
                yield q.mul(q.add(1e-12f).log().sub(mean.add(1e-12f).log())).sum();
            }
            case "d2" -> {
                float t = options.distillTemperature().floatValue();
                NDArray ce = logits.logSoftmax(1).mul(onehot).sum(new int[] {1}).neg().mean();
                NDArray teacher = Scalars.div(logP.stopGradient(), t).softmax(1);
                NDArray student = Scalars.div(logits, t).logSoftmax(1);
                NDArray kl = teacher.mul(teacher.add(1e-12f).log().sub(student)).sum(new int[] {1}).mean();
                yield ce.add(Scalars.mul(kl, t * t));
            }
            default -> logits.getManager().create(0f);
        };
    }

    /** Payers only: ℓ(v, clip((s(y) − c_{b*}) / r_{b*}, −1, 1)) with the true bucket (teacher forcing). */
    private NDArray residual(NDArray v, NDArray y, NDArray buckets, NDManager m) {
        NDArray c = perBucket(buckets, scheme.centres(), m);
        NDArray r = perBucket(buckets, scheme.halfRanges(), m);
        NDArray s = scheme.logSpace() ? y.add(1).log() : y;
        NDArray target = s.sub(c).div(r).clip(-1, 1);
        NDArray payer = buckets.gte(1).toType(DataType.FLOAT32, false);
        NDArray diff = v.sub(target);
        NDArray loss = options.residualLoss().equals("huber") ? huber(diff) : diff.square();
        return loss.mul(payer).sum().div(Scalars.maximum(payer.sum(), 1));
    }

    /** L_rel and focal L_conf over routed samples (predicted top bucket, plus true whales in training). */
    private NDArray[] highValue(NDList out, NDArray logP, NDArray y, NDArray buckets, NDManager m) {
        int top = scheme.buckets() - 1;
        NDArray predicted = logP.argMax(1);
        NDArray routed = predicted.eq(top);
        if (options.routeTrueWhales()) {
            routed = routed.logicalOr(buckets.eq(top));
        }
        NDArray route = routed.toType(DataType.FLOAT32, false).expandDims(1);
        NDArray yCol = y.expandDims(1);
        NDArray augmented = toValue(out.get(CcorBlock.AUGMENTED), top);
        float floor = (float) scheme.thresholds()[top - 1];
        NDArray rel = augmented.sub(yCol).abs().div(Scalars.maximum(yCol, floor));
        NDArray count = Scalars.maximum(Scalars.mul(route.sum(), augmented.getShape().get(1)), 1);
        NDArray base = baseValue(out.get(CcorBlock.RESIDUAL), predicted, m).stopGradient().expandDims(1);
        NDArray better = augmented.sub(yCol).abs().lt(base.sub(yCol).abs()).toType(DataType.FLOAT32, false).stopGradient();
        NDArray focal = focal(out.get(CcorBlock.CONFIDENCE), better);
        return new NDArray[] {rel.mul(route).sum().div(count), focal.mul(route).sum().div(count)};
    }

    /** Focal BCE with γ and α (spec A9), from logits, stable via log-sigmoid. */
    private NDArray focal(NDArray logits, NDArray target) {
        NDArray logP = CcorMath.softplus(logits.neg()).neg();
        NDArray logNotP = CcorMath.softplus(logits).neg();
        NDArray logPt = target.mul(logP).add(target.neg().add(1).mul(logNotP));
        NDArray pt = logPt.exp();
        float a = options.focalAlpha().floatValue();
        NDArray alpha = Scalars.mul(target, a).add(Scalars.mul(target.neg().add(1), 1 - a));
        return alpha.mul(Scalars.pow(pt.neg().add(1), options.focalGamma())).mul(logPt).neg();
    }

    private NDArray baseValue(NDArray v, NDArray bucket, NDManager m) {
        NDArray c = perBucket(bucket, scheme.centres(), m);
        NDArray r = perBucket(bucket, scheme.halfRanges(), m);
        NDArray s = v.mul(r).add(c);
        NDArray value = scheme.logSpace() ? s.exp().sub(1) : s;
        return value.mul(bucket.gte(1).toType(DataType.FLOAT32, false));
    }

    /** The per-bucket constant (centre or half-range) of each sample's bucket. */
    private NDArray perBucket(NDArray buckets, double[] values, NDManager m) {
        return buckets.oneHot(scheme.buckets(), DataType.FLOAT32).matMul(m.create(toFloat(values)));
    }

    private NDArray toValue(NDArray normalised, int bucket) {
        NDArray s = Scalars.mul(normalised, scheme.halfRanges()[bucket]).add((float) scheme.centres()[bucket]);
        return scheme.logSpace() ? s.exp().sub(1) : s;
    }

    private static NDArray huber(NDArray diff) {
        NDArray abs = diff.abs();
        return abs.lt(1).toType(DataType.FLOAT32, false).mul(Scalars.mul(diff.square(), 0.5))
                .add(abs.gte(1).toType(DataType.FLOAT32, false).mul(abs.sub(0.5f)));
    }

    static float[] toFloat(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }
}

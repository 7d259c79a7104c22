package io.ltvcascade.model.ccor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.ltvcascade.model.features.FeaturePipeline;
import io.ltvcascade.model.nn.FeatureEncoderBlock;
import io.ltvcascade.model.nn.Layers;
import io.ltvcascade.model.nn.PreActResidualBlock;
import io.ltvcascade.model.script.ScriptBuilder;
import io.ltvcascade.model.script.ScriptableBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The CC-OR-Net network (spec 2): shared encoder; conditional cascade of K−1 binary heads; distillation branch;
 * GLU feature alignment over [h; sg(P); soft bucket embedding]; two residual blocks with a tanh output; and the
 * high-value module on sg(h) with attention-guided perturbation (training only) and regression/confidence heads.
 *
 * <p>Outputs: cascade logits (B, K−1); normalised residual v (B, and (B, 1) at inference); normalised augmented
 * residual (B, M); confidence logits (B, M); in training also the distillation logits (cascade on sg(h), or the flat
 * student for D2). M is the number of perturbed copies in training and 1 at inference.
 */
public final class CcorBlock extends AbstractBlock implements ScriptableBlock {

    static final int CASCADE = 0;
    static final int RESIDUAL = 1;
    static final int AUGMENTED = 2;
    static final int CONFIDENCE = 3;
    /** Training only: predictions never read the distillation branch, so inference does not compute it. */
    static final int DISTILL = 4;

    private final CcorOptions options;
    private final FeatureEncoderBlock encoder;
    private final List<SequentialBlock> stages = new ArrayList<>();
    private final List<Linear> stageLogits = new ArrayList<>();
    private final Linear flat;
    private final Linear bucketEmbedding;
    private final Linear gluValue;
    private final Linear gluGate;
    private final PreActResidualBlock residual1;
    private final PreActResidualBlock residual2;
    private final Linear residualOut;
    private final Linear attention1;
    private final Linear attention2;
    private final SequentialBlock regressionHead;
    private final SequentialBlock confidenceHead;
    private final int k;
    private final int dh;

    public CcorBlock(FeaturePipeline features, ModelConfig config) {
        super((byte) 1);
        this.options = config.ccor();
        this.k = options.buckets();
        this.dh = config.hiddenWidth();
        this.encoder = addChildBlock("encoder", new FeatureEncoderBlock(features, config.encoderWidths(), config.dropout()));
        for (int stage = 1; stage < k; stage++) {
            stages.add(addChildBlock("stage" + stage, Layers.mlp(List.of(options.stageWidth()), 0)));
            stageLogits.add(addChildBlock("stage" + stage + "_logit", Layers.linear(1)));
        }
        // optional parts exist only when used: a parameter without gradient would stall the optimiser
        this.flat = options.distillation().equals("d2") ? addChildBlock("flat_student", Layers.linear(k)) : null;
        this.bucketEmbedding = addChildBlock("bucket_embedding",
                Linear.builder().setUnits(options.bucketEmbeddingDim()).optBias(false).build());
        this.gluValue = addChildBlock("glu_value", Layers.linear(dh));
        this.gluGate = addChildBlock("glu_gate", Layers.linear(dh));
        this.residual1 = addChildBlock("residual1", new PreActResidualBlock(dh));
        this.residual2 = addChildBlock("residual2", new PreActResidualBlock(dh));
        this.residualOut = addChildBlock("residual_out", Layers.linear(1));
        boolean hv = options.highValue();
        this.attention1 = hv ? addChildBlock("attention1", Layers.linear(dh)) : null;
        this.attention2 = hv ? addChildBlock("attention2", Layers.linear(dh)) : null;
        this.regressionHead = hv ? addChildBlock("hv_regression", head(options.headWidth())) : null;
        this.confidenceHead = hv ? addChildBlock("hv_confidence", head(options.headWidth())) : null;
    }

    private static SequentialBlock head(int width) {
        return Layers.mlp(List.of(width), 0).add(Layers.linear(1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = encoder.forward(ps, inputs, training).singletonOrThrow();
        NDArray z = cascade(ps, h, training);
        if (!training) {
            return inference(ps, h, z);
        }
        NDArray probs = CcorMath.logBucketProbs(z).exp().stopGradient();
        NDArray v = residual(ps, h, probs, true).squeeze(1);
        NDList highValue = attention1 != null ? highValue(ps, h.stopGradient()) : noHighValue(v);
        NDArray distill = flat != null ? call(flat, ps, h, true) : cascade(ps, h.stopGradient(), true);
        return new NDList(z, v, highValue.get(0), highValue.get(1), distill);
    }

    /**
     * The same function as training's forward pass with fewer tensor operations, which is most of what a pass over
     * a few rows costs: probabilities by products ({@link CcorMath#bucketProbs}), no gradient stops, no
     * perturbation, and (B, 1) outputs left unsqueezed (predictions read them as flat arrays).
     */
    private NDList inference(ParameterStore ps, NDArray h, NDArray z) {
        NDArray v = residual(ps, h, CcorMath.bucketProbs(z), false);
        if (attention1 == null) {
            NDList none = noHighValue(v);
            return new NDList(z, v, none.get(0), none.get(1));
        }
        NDArray emphasised = h.mul(attention(ps, h, false).add(1)); // one copy, unperturbed
        return new NDList(z, v, call(regressionHead, ps, emphasised, false).tanh(),
                call(confidenceHead, ps, emphasised, false));
    }

    /** s_k = MLP_k([h; s_{k−1}]), logit_k = w_kᵀ s_k + β_k. */
    private NDArray cascade(ParameterStore ps, NDArray h, boolean training) {
        NDList logits = new NDList();
        NDArray state = null;
        for (int i = 0; i < stages.size(); i++) {
            NDArray in = state == null ? h : NDArrays.concat(new NDList(h, state), 1);
            state = call(stages.get(i), ps, in, training);
            logits.add(call(stageLogits.get(i), ps, state, training));
        }
        return NDArrays.concat(logits, 1);
    }

    /** GLU over [h; sg(P); e] then two residual blocks: v = tanh(wᵀu + β) ∈ (−1, 1), as (B, 1). */
    private NDArray residual(ParameterStore ps, NDArray h, NDArray probs, boolean training) {
        NDArray e = call(bucketEmbedding, ps, probs, training);
        NDArray zIn = NDArrays.concat(new NDList(h, probs, e), 1);
        NDArray g = call(gluValue, ps, zIn, training).mul(Activation.sigmoid(call(gluGate, ps, zIn, training)));
        NDArray u = call(residual2, ps, call(residual1, ps, g, training), training);
        return call(residualOut, ps, u, training).tanh();
    }

    /** Training: attention-weighted perturbation of sg(h) into M noisy copies, then the two heads, (B, M) each. */
    private NDList highValue(ParameterStore ps, NDArray hDetached) {
        NDArray alpha = attention(ps, hDetached, true);
        NDArray emphasised = hDetached.mul(alpha.add(1)).expandDims(1);
        long batch = hDetached.getShape().get(0);
        int copies = options.augmentCopies();
        NDArray centred = hDetached.sub(hDetached.mean(new int[] {0}, true));
        NDArray std = centred.square().mean(new int[] {0}, true).sqrt();
        NDArray noise = hDetached.getManager().randomNormal(new Shape(batch, copies, dh));
        NDArray jitter = alpha.neg().add(1).mul(Scalars.mul(std, options.augmentNoise())).expandDims(1).mul(noise);
        NDArray flatAug = emphasised.add(jitter).reshape(batch * copies, dh);
        NDArray reg = call(regressionHead, ps, flatAug, true).tanh().reshape(batch, copies);
        NDArray conf = call(confidenceHead, ps, flatAug, true).reshape(batch, copies);
        return new NDList(reg, conf);
    }

    /** α = attention(h): sigmoid or softmax scores over h's features. */
    private NDArray attention(ParameterStore ps, NDArray h, boolean training) {
        NDArray scores = call(attention2, ps, call(attention1, ps, h, training).tanh(), training);
        return options.attention().equals("sigmoid") ? Activation.sigmoid(scores) : scores.softmax(1);
    }

    /** Without the high-value module its outputs are zeros shaped like the residual's. */
    private static NDList noHighValue(NDArray v) {
        NDArray zeros = v.zerosLike().reshape(-1, 1);
        return new NDList(zeros, zeros.duplicate());
    }

    /** {@link #inference} as TorchScript, operation for operation (the cascade and probabilities included). */
    @Override
    public List<String> script(ScriptBuilder s, List<String> inputs) {
        String h = s.apply(encoder, inputs.toArray(String[]::new));
        List<String> logits = new ArrayList<>();
        String state = null;
        for (int i = 0; i < stages.size(); i++) {
            String in = state == null ? h : s.let("torch.cat([" + h + ", " + state + "], 1)");
            state = s.apply(stages.get(i), in);
            logits.add(s.apply(stageLogits.get(i), state));
        }
        String z = s.let("torch.cat([" + String.join(", ", logits) + "], 1)");
        String v = scriptResidual(s, h, CcorMath.scriptBucketProbs(s, z));
        if (attention1 == null) {
            return List.of(z, v, s.let("torch.zeros_like(" + v + ")"), s.let("torch.zeros_like(" + v + ")"));
        }
        String scores = s.apply(attention2, s.let("torch.tanh(" + s.apply(attention1, h) + ")"));
        String alpha = s.let(options.attention().equals("sigmoid") ? "torch.sigmoid(" + scores + ")"
                : "torch.softmax(" + scores + ", 1)");
        String emphasised = s.let("torch.mul(" + h + ", torch.add(" + alpha + ", 1))");
        return List.of(z, v, s.let("torch.tanh(" + s.apply(regressionHead, emphasised) + ")"),
                s.apply(confidenceHead, emphasised));
    }

    private String scriptResidual(ScriptBuilder s, String h, String probs) {
        String e = s.apply(bucketEmbedding, probs);
        String zIn = s.let("torch.cat([" + h + ", " + probs + ", " + e + "], 1)");
        String g = s.let("torch.mul(" + s.apply(gluValue, zIn) + ", torch.sigmoid(" + s.apply(gluGate, zIn) + "))");
        String u = s.apply(residual2, s.apply(residual1, g));
        return s.let("torch.tanh(" + s.apply(residualOut, u) + ")");
    }

    private static NDArray call(Block block, ParameterStore ps, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        encoder.initialize(manager, dataType, inputShapes);
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).initialize(manager, dataType, new Shape(b, i == 0 ? dh : dh + options.stageWidth()));
            stageLogits.get(i).initialize(manager, dataType, new Shape(b, options.stageWidth()));
        }
        if (flat != null) {
            flat.initialize(manager, dataType, new Shape(b, dh));
        }
        bucketEmbedding.initialize(manager, dataType, new Shape(b, k));
        Shape glu = new Shape(b, dh + k + options.bucketEmbeddingDim());
        gluValue.initialize(manager, dataType, glu);
        gluGate.initialize(manager, dataType, glu);
        List<Block> hiddenInputs = new ArrayList<>(List.of(residual1, residual2, residualOut));
        if (attention1 != null) {
            hiddenInputs.addAll(List.of(attention1, attention2, regressionHead, confidenceHead));
        }
        for (Block block : hiddenInputs) {
            block.initialize(manager, dataType, new Shape(b, dh));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        return new Shape[] {new Shape(b, k - 1), new Shape(b), new Shape(b, 1), new Shape(b, 1), new Shape(b, k)};
    }
}

package io.ltvcascade.model.ccor;

import java.util.Locale;

/** The model families trainable and servable the same way: CC-OR-Net and its baselines (spec 7). */
public enum ModelType {
    /** CC-OR-Net: ordinal cascade + distillation + GLU + intra-bucket residual + high-value module. */
    CCOR,
    /** Zero-inflated lognormal (spec 7.1). */
    ZILN,
    /** Mean squared error on log1p(y). */
    MSE_LOG,
    /** P(y &gt; 0) × E[y | y &gt; 0], both from one network. */
    TWO_STAGE;

    public static ModelType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model_type must be ccor, ziln, mse_log or two_stage, got '" + name + "'");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

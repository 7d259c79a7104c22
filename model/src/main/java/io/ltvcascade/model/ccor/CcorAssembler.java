package io.ltvcascade.model.ccor;

import java.util.Arrays;

/**
 * Assembles CC-OR-Net predictions (spec 2.8) from raw network outputs: bucket probabilities by the chain rule,
 * argmax bucket, v·r_b + c_b, and the high-value combination ĉ·ŷ_aug + (1 − ĉ)·ŷ_base for the top bucket.
 * Hard assembly gives exact bucket-ordered values (zeros carry 1e-6·P(payer) as a ranking tie-break, which
 * stays inside the zero stratum); soft assembly weights every bucket's value by its probability.
 */
public final class CcorAssembler {

    private final BucketScheme scheme;
    private final CcorOptions options;

    public CcorAssembler(BucketScheme scheme, CcorOptions options) {
        this.scheme = scheme;
        this.options = options;
    }

    /**
     * @param logits cascade logits, row-major (n × (K−1))
     * @param residual v per customer; {@code augmented} and {@code confidenceLogit} likewise (ignored without the module)
     */
    public Predictions assemble(float[] logits, float[] residual, float[] augmented, float[] confidenceLogit) {
        int k = scheme.buckets();
        int n = residual.length;
        double[] expected = new double[n];
        int[] bucket = new int[n];
        double[][] probs = new double[n][];
        double[] payer = new double[n];
        double[] confidence = new double[n];
        Arrays.fill(confidence, Double.NaN);
        for (int i = 0; i < n; i++) {
            probs[i] = bucketProbabilities(logits, i * (k - 1), k);
            payer[i] = 1 - probs[i][0];
            bucket[i] = argmax(probs[i]);
            double topValue = scheme.denormalize(k - 1, residual[i]);
            if (options.highValue()) {
                confidence[i] = bucket[i] == k - 1 ? sigmoid(confidenceLogit[i]) : Double.NaN;
                double c = sigmoid(confidenceLogit[i]);
                topValue = c * scheme.denormalize(k - 1, augmented[i]) + (1 - c) * topValue;
            }
            expected[i] = options.assembly().equals("soft")
                    ? soft(probs[i], residual[i], topValue)
                    : hard(bucket[i], residual[i], topValue, payer[i]);
        }
        return new Predictions(expected, bucket, probs, payer, confidence);
    }

    private double hard(int b, double v, double topValue, double payer) {
        if (b == 0) {
            return BucketScheme.ZERO * payer;
        }
        return b == scheme.buckets() - 1 ? topValue : scheme.denormalize(b, v);
    }

    private double soft(double[] probs, double v, double topValue) {
        double sum = 0;
        for (int b = 1; b < probs.length - 1; b++) {
            sum += probs[b] * scheme.denormalize(b, v);
        }
        return sum + probs[probs.length - 1] * topValue;
    }

    /** P(b = k) from stage logits at {@code offset}: S_k·(1 − p_{k+1}), top S_{K−1}. */
    static double[] bucketProbabilities(float[] logits, int offset, int k) {
        double[] probs = new double[k];
        double survival = 1;
        for (int b = 0; b < k - 1; b++) {
            double p = sigmoid(logits[offset + b]);
            probs[b] = survival * (1 - p);
            survival *= p;
        }
        probs[k - 1] = survival;
        return probs;
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}

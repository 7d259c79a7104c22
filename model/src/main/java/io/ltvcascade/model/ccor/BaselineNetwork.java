package io.ltvcascade.model.ccor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import io.ltvcascade.model.features.FeaturePipeline;
import io.ltvcascade.model.nn.FeatureEncoderBlock;
import io.ltvcascade.model.nn.Layers;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The baselines on the same encoder (spec 7): ZILN (logits p, μ, σ; loss exactly google/lifetime_value's),
 * MSE on log1p(y), and two-stage P(y &gt; 0)·E[y | y &gt; 0]. Their bucket is the bucket of their prediction.
 */
final class BaselineNetwork implements LtvNetwork {

    private static final float HALF_LOG_TWO_PI = (float) (0.5 * Math.log(2 * Math.PI));
    private static final float MIN_SIGMA = (float) Math.sqrt(1e-7);

    private final ModelType type;
    private final BucketScheme scheme;
    private final SequentialBlock block;

    BaselineNetwork(FeaturePipeline features, ModelConfig config, BucketScheme scheme) {
        this.type = config.type();
        this.scheme = scheme;
        int outputs = switch (type) {
            case ZILN -> 3;
            case TWO_STAGE -> 2;
            default -> 1;
        };
        this.block = new SequentialBlock()
                .add(new FeatureEncoderBlock(features, config.encoderWidths(), config.dropout()))
                .add(Layers.linear(outputs));
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public LossTerms loss(NDList outputs, NDArray y, NDArray buckets) {
        NDArray o = outputs.singletonOrThrow();
        NDArray payer = y.gt(0).toType(DataType.FLOAT32, false);
        NDArray logY = y.add(1).log();
        Map<String, NDArray> terms = new LinkedHashMap<>();
        switch (type) {
            case ZILN -> {
                NDArray pl = o.get(":, 0");
                terms.put("classification", bce(pl, payer).mean());
                NDArray mu = o.get(":, 1");
                NDArray sigma = Scalars.maximum(CcorMath.softplus(o.get(":, 2")), MIN_SIGMA);
                NDArray safeY = y.mul(payer).add(payer.neg().add(1)).log();
                NDArray nll = safeY.add(sigma.log()).add(HALF_LOG_TWO_PI)
                        .add(safeY.sub(mu).square().div(Scalars.mul(sigma.square(), 2)));
                terms.put("regression", nll.mul(payer).mean());
            }
            case TWO_STAGE -> {
                terms.put("classification", bce(o.get(":, 0"), payer).mean());
                NDArray sq = o.get(":, 1").sub(logY).square().mul(payer);
                terms.put("regression", sq.sum().div(Scalars.maximum(payer.sum(), 1)));
            }
            default -> terms.put("regression", o.get(":, 0").sub(logY).square().mean());
        }
        NDArray total = terms.values().stream().reduce(NDArray::add).orElseThrow();
        return new LossTerms(total, terms);
    }

    @Override
    public Predictions assemble(NDList outputs) {
        float[] o = outputs.singletonOrThrow().toFloatArray();
        int width = (int) outputs.singletonOrThrow().getShape().get(1);
        int n = o.length / width;
        double[] expected = new double[n];
        double[] payer = type == ModelType.MSE_LOG ? null : new double[n];
        for (int i = 0; i < n; i++) {
            int at = i * width;
            expected[i] = switch (type) {
                case ZILN -> {
                    double sigma = Math.max(softplus(o[at + 2]), MIN_SIGMA);
                    payer[i] = CcorAssembler.sigmoid(o[at]);
                    yield payer[i] * Math.exp(o[at + 1] + sigma * sigma / 2);
                }
                case TWO_STAGE -> {
                    payer[i] = CcorAssembler.sigmoid(o[at]);
                    yield payer[i] * Math.expm1(Math.max(o[at + 1], 0));
                }
                default -> Math.max(Math.expm1(o[at]), 0);
            };
        }
        double[] none = new double[n];
        Arrays.fill(none, Double.NaN);
        return new Predictions(expected, scheme.bucketsOf(expected), null, payer, none);
    }

    private static NDArray bce(NDArray logits, NDArray target) {
        return CcorMath.softplus(logits).sub(target.mul(logits));
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}

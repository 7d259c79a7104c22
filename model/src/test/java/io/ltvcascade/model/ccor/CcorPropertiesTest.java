package io.ltvcascade.model.ccor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.EncodedFeatures;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The structural guarantees of spec section 9, checked on random weights and inputs. */
class CcorPropertiesTest {

    @Test
    void shouldGiveProbabilitiesThatSumToOneWithNonIncreasingExceedance() {
        Random random = new Random(3);
        for (int trial = 0; trial < 500; trial++) {
            int k = 2 + random.nextInt(5);
            float[] logits = new float[k - 1];
            for (int j = 0; j < logits.length; j++) {
                logits[j] = (float) (random.nextGaussian() * 4);
            }
            double[] p = CcorAssembler.bucketProbabilities(logits, 0, k);
            double sum = 0;
            double exceedance = 1;
            for (int b = 0; b < k; b++) {
                assertTrue(p[b] >= 0);
                sum += p[b];
                double next = exceedance - p[b];
                assertTrue(next <= exceedance + 1e-12, "S_k must not increase");
                exceedance = next;
            }
            assertEquals(1, sum, 1e-6);
        }
    }

    @Test
    void shouldMatchTheJavaProbabilitiesInTheTensorVersion() {
        DjlRuntime.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            float[] z = {0.3f, -1.2f, 2.5f, -4f, 0f, 1f};
            NDArray logP = CcorMath.logBucketProbs(m.create(z, new Shape(2, 3)));
            float[] tensor = logP.exp().toFloatArray();
            for (int row = 0; row < 2; row++) {
                double[] java = CcorAssembler.bucketProbabilities(z, row * 3, 4);
                for (int b = 0; b < 4; b++) {
                    assertEquals(java[b], tensor[row * 4 + b], 1e-5);
                }
            }
        }
    }

    @Test
    void shouldGiveTheLogSpaceProbabilitiesInProbabilitySpaceToo() {
        DjlRuntime.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            Random random = new Random(3);
            float[] z = new float[64 * 5];
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) (random.nextGaussian() * (i % 3 == 0 ? 12 : 2)); // some stages far into saturation
            }
            NDArray logits = m.create(z, new Shape(64, 5));
            float[] logSpace = CcorMath.logBucketProbs(logits).exp().toFloatArray();
            float[] probabilitySpace = CcorMath.bucketProbs(logits).toFloatArray();
            assertEquals(64 * 6, probabilitySpace.length);
            for (int i = 0; i < logSpace.length; i++) {
                assertEquals(logSpace[i], probabilitySpace[i], 1e-6, "probability " + i);
            }
        }
    }

    @Test
    void shouldInferWhatTheTrainingPassComputesWhenThereIsNoPerturbation() {
        Table table = SyntheticData.generate(256, 8);
        CcorOptions noNoise = new CcorOptions(null, null, null, null, null, null, null, null, null, null, 0.0, null,
                null, null, null, null, null, null, null, null, null);
        try (LtvModel model = UntrainedModels.create(table, new ModelConfig(null, null, null, null, noNoise, null), 2);
                NDManager batch = model.manager().newSubManager()) {
            EncodedFeatures x = model.features().encode(table);
            NDList training = model.forward(batch, x, true);
            NDList inference = model.forward(batch, x, false);
            assertEquals(4, inference.size(), "inference computes no distillation output");
            assertClose(training.get(CcorBlock.CASCADE).toFloatArray(), inference.get(CcorBlock.CASCADE).toFloatArray(), 1);
            assertClose(training.get(CcorBlock.RESIDUAL).toFloatArray(), inference.get(CcorBlock.RESIDUAL).toFloatArray(), 1);
            int copies = noNoise.augmentCopies();
            for (int output : new int[] {CcorBlock.AUGMENTED, CcorBlock.CONFIDENCE}) {
                assertClose(training.get(output).toFloatArray(), inference.get(output).toFloatArray(), copies);
            }
        }
    }

    /** {@code training} holds {@code copies} values per row, each of which must match the row's one inference value. */
    private static void assertClose(float[] training, float[] inference, int copies) {
        assertEquals(training.length, inference.length * copies);
        for (int i = 0; i < training.length; i++) {
            assertEquals(training[i], inference[i / copies], 1e-5, "value " + i);
        }
    }

    @Test
    void shouldMakeTheUnnormalisedMaskedBceEqualTheBucketNll() {
        DjlRuntime.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            Random random = new Random(5);
            for (int trial = 0; trial < 50; trial++) {
                float[] z = {(float) random.nextGaussian() * 3, (float) random.nextGaussian() * 3, (float) random.nextGaussian() * 3};
                int bucket = random.nextInt(4);
                NDArray logits = m.create(z, new Shape(1, 3));
                double nll = -CcorMath.logBucketProbs(logits).toFloatArray()[bucket];
                double bce = 0;
                for (int k = 1; k <= 3; k++) {
                    if (bucket >= k - 1) {
                        double p = 1 / (1 + Math.exp(-z[k - 1]));
                        bce += bucket >= k ? -Math.log(p) : -Math.log(1 - p);
                    }
                }
                assertEquals(nll, bce, 1e-4);
                // with one sample every stage mean is the sample's own term
                double cascade = CcorLoss.cascade(logits, m.create(new long[] {bucket})).getFloat();
                assertEquals(bce, cascade, 1e-4);
            }
        }
    }

    @Test
    void shouldRoundTripValuesThroughDenormalisation() {
        double[] y = SyntheticData.generate(2000, 1).labels();
        for (boolean log : new boolean[] {false, true}) {
            BucketScheme scheme = BucketScheme.fit(y, List.of(0.5, 0.75), 0.999, log);
            for (double v : y) {
                int b = scheme.bucketOf(v);
                if (b > 0 && v <= scheme.topEdge()) {
                    assertEquals(v, scheme.denormalize(b, scheme.normalize(b, v)), 1e-6 * Math.max(1, v));
                }
            }
        }
    }

    @Test
    void shouldRankHardPredictionsByBucketWhateverTheResidual() {
        double[] y = SyntheticData.generate(2000, 2).labels();
        BucketScheme scheme = BucketScheme.fit(y, List.of(0.5, 0.75), 0.999, false);
        CcorOptions hard = new CcorOptions(null, null, "raw", null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, "hard");
        Random random = new Random(9);
        int n = 3000;
        float[] logits = new float[n * 3];
        float[] v = new float[n];
        float[] aug = new float[n];
        float[] conf = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                logits[i * 3 + j] = (float) random.nextGaussian() * 3;
            }
            v[i] = (float) (random.nextDouble() * 2 - 1);
            aug[i] = (float) (random.nextDouble() * 2 - 1);
            conf[i] = (float) random.nextGaussian();
        }
        Predictions p = new CcorAssembler(scheme, hard).assemble(logits, v, aug, conf);
        double[] maxOf = new double[4];
        double[] minOf = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int i = 0; i < n; i++) {
            maxOf[p.bucket()[i]] = Math.max(maxOf[p.bucket()[i]], p.expected()[i]);
            minOf[p.bucket()[i]] = Math.min(minOf[p.bucket()[i]], p.expected()[i]);
        }
        for (int b = 0; b < 3; b++) {
            assertTrue(maxOf[b] <= minOf[b + 1], "bucket " + b + " max " + maxOf[b] + " > bucket " + (b + 1) + " min");
        }
    }

    @Test
    void shouldStopResidualGradientsAtTheCascadeAndHighValueGradientsAtTheEncoder() {
        Table table = SyntheticData.generate(512, 4);
        try (LtvModel model = UntrainedModels.create(table, ModelConfig.defaults(), 1)) {
            List<Pair<String, Parameter>> params = model.network().block().getParameters().stream().toList();
            params.forEach(p -> p.getValue().getArray().setRequiresGradient(true));
            assertGradients(model, table, params, "residual", "stage", true);
            assertGradients(model, table, params, "high_value", "encoder", true);
            assertGradients(model, table, params, "cascade", "encoder", false);
        }
    }

    private static void assertGradients(LtvModel model, Table table, List<Pair<String, Parameter>> params, String term,
            String module, boolean zero) {
        EncodedFeatures x = model.features().encode(table);
        try (NDManager batch = model.manager().newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.zeroGradients();
            NDList out = model.forward(batch, x, true);
            NDArray y = batch.create(BatchSlicer.labels(table.labels(), identity(x.rows()), 0, x.rows()));
            NDArray b = batch.create(BatchSlicer.buckets(model.scheme().bucketsOf(table.labels()), identity(x.rows()), 0,
                    x.rows()));
            collector.backward(model.network().loss(out, y, b).terms().get(term));
            List<Pair<String, Parameter>> moduleParams = params.stream().filter(p -> p.getKey().contains(module)).toList();
            assertTrue(moduleParams.size() >= 2, "parameters of " + module + " found: " + moduleParams.size());
            double sum = moduleParams.stream()
                    .mapToDouble(p -> p.getValue().getArray().getGradient().abs().sum().getFloat()).sum();
            if (zero) {
                assertEquals(0, sum, 0, term + " must not reach the " + module);
            } else {
                assertTrue(sum > 0, term + " must reach the " + module);
            }
        }
    }

    private static int[] identity(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }
}

package io.ltvcascade.model.ccor;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.EncodedFeatures;
import io.ltvcascade.model.metrics.RankingMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Trains any {@link ModelType} the same way: fit features and buckets on the training split, then mini-batch
 * AdamW with gradient clipping and early stopping on validation normalised Gini; the best epoch's parameters win.
 * Meant to be deterministic on CPU for a fixed seed; under CPU contention the backward pass still is not (README).
 * Reports every epoch; checks {@code cancelled} before every batch.
 */
public final class ModelTrainer {

    private final ModelConfig config;
    private final Consumer<EpochReport> progress;
    private final BooleanSupplier cancelled;

    public ModelTrainer(ModelConfig config, Consumer<EpochReport> progress, BooleanSupplier cancelled) {
        this.config = config;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    public TrainingResult train(Table train, Table validation) {
        long started = System.nanoTime();
        TrainingConfig t = config.training();
        // fit what prediction needs on the training split only, and build the network with seeded initial weights
        LtvModel model = LtvModel.initialise(config, train, DjlRuntime.device(t.device()), t.seed().intValue());
        try {
            EncodedFeatures x = model.features().encode(train);
            EncodedFeatures xVal = model.features().encode(validation);
            return fit(model, x, train.labels(), model.scheme().bucketsOf(train.labels()), xVal, validation.labels(),
                    started);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private TrainingResult fit(LtvModel model, EncodedFeatures x, double[] y, int[] buckets, EncodedFeatures xVal,
            double[] yVal, long started) {
        TrainingConfig t = config.training();
        List<Pair<String, Parameter>> params = model.network().block().getParameters().stream().toList();
        params.forEach(p -> p.getValue().getArray().setRequiresGradient(true));
        Optimizer optimizer = AdamW.builder().optLearningRateTracker(Tracker.fixed(t.learningRate().floatValue()))
                .optWeightDecays(t.weightDecay().floatValue()).optClipGrad(t.gradientClip().floatValue()).build();
        Random random = new Random(t.seed());
        List<EpochReport> history = new ArrayList<>();
        double bestGini = Double.NEGATIVE_INFINITY;
        Snapshot best = Snapshot.of(model, params);
        int bestEpoch = 0;
        int sinceBest = 0;
        for (int epoch = 1; epoch <= t.epochs() && sinceBest < t.patience(); epoch++) {
            long epochStart = System.nanoTime();
            Map<String, Double> losses = epoch(model, optimizer, params, x, y, buckets, shuffled(x.rows(), random));
            double[] valPredicted = model.predict(xVal).expected();
            double gini = RankingMetrics.normalizedGini(yVal, valPredicted);
            boolean improved = gini > bestGini;
            if (improved) {
                bestGini = gini;
                best.close();
                best = Snapshot.of(model, params);
                bestEpoch = epoch;
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            EpochReport report = new EpochReport(epoch, t.epochs(), losses, gini,
                    RankingMetrics.spearman(yVal, valPredicted), improved, seconds, x.rows() / seconds);
            history.add(report);
            progress.accept(report);
        }
        best.restoreInto(params);
        best.close();
        model.freeze();
        boolean early = history.size() < t.epochs();
        return new TrainingResult(model, history, bestEpoch, early, model.device().toString(),
                (System.nanoTime() - started) / 1e9);
    }

    /** The parameters copied inside torch, in parameter order, on their own manager (no round trip through bytes). */
    private record Snapshot(NDManager manager, List<NDArray> copies) implements AutoCloseable {

        static Snapshot of(LtvModel model, List<Pair<String, Parameter>> params) {
            NDManager manager = model.manager().newSubManager();
            List<NDArray> copies = new ArrayList<>(params.size());
            for (Pair<String, Parameter> p : params) {
                NDArray copy = p.getValue().getArray().duplicate();
                copy.attach(manager);
                copies.add(copy);
            }
            return new Snapshot(manager, copies);
        }

        void restoreInto(List<Pair<String, Parameter>> params) {
            for (int i = 0; i < params.size(); i++) {
                copies.get(i).copyTo(params.get(i).getValue().getArray());
            }
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    /** One pass over the shuffled rows; returns the mean of every loss term. */
    private Map<String, Double> epoch(LtvModel model, Optimizer optimizer, List<Pair<String, Parameter>> params,
            EncodedFeatures x, double[] y, int[] buckets, int[] order) {
        int batchSize = effectiveBatchSize(config.training().batchSize(), order.length);
        Map<String, Double> sums = new LinkedHashMap<>();
        int batches = 0;
        for (int from = 0; from < order.length; from += batchSize) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("training was cancelled");
            }
            int to = Math.min(order.length, from + batchSize);
            try (NDManager batch = model.manager().newSubManager()) {
                EncodedFeatures bx = BatchSlicer.rows(x, order, from, to);
                NDArray by = batch.create(BatchSlicer.labels(y, order, from, to), new Shape(to - from));
                NDArray bb = batch.create(BatchSlicer.buckets(buckets, order, from, to), new Shape(to - from));
                LossTerms loss;
                // no collector.zeroGradients(): it visits every array of the process and leaves a gradient handle per
                // parameter on the model's manager each step; DJL's AdamW update already zeroes what it applied
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDList out = model.forward(batch, bx, true);
                    loss = model.network().loss(out, by, bb);
                    collector.backward(loss.total());
                }
                for (Pair<String, Parameter> p : params) {
                    NDArray weight = p.getValue().getArray();
                    // getGradient makes a new handle on the weight's (the model's) manager each call: close it
                    try (NDArray gradient = weight.getGradient()) {
                        optimizer.update(p.getValue().getId(), weight, gradient);
                    }
                }
                loss.values().forEach((name, value) -> sums.merge(name, value, Double::sum));
            }
            batches++;
        }
        int n = batches;
        sums.replaceAll((name, sum) -> sum / n);
        return sums;
    }

    /** Steps an epoch takes at least: small tables get smaller batches instead of a handful of updates. */
    static final int MIN_STEPS_PER_EPOCH = 16;

    /** The configured batch size, lowered (to no less than 32) so that an epoch has {@link #MIN_STEPS_PER_EPOCH}. */
    static int effectiveBatchSize(int configured, int rows) {
        return Math.min(configured, Math.max(32, (rows + MIN_STEPS_PER_EPOCH - 1) / MIN_STEPS_PER_EPOCH));
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}

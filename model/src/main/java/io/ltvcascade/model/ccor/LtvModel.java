package io.ltvcascade.model.ccor;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.EncodedFeatures;
import io.ltvcascade.model.features.FeaturePipeline;
import io.ltvcascade.model.script.ScriptBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * A ready model: its config, the fitted feature pipeline and bucket scheme, and the network's parameters on a
 * device. Predicts tables in batches; the artifact format is {@link ModelArtifact}.
 */
public final class LtvModel implements AutoCloseable {

    /**
     * Rows per forward pass when scoring many: 2,048 warmed up faster than 8,192 in a fresh process (smaller native
     * buffers to map) and was as fast afterwards (docs/benchmarks.md).
     */
    private static final int PREDICT_BATCH = 2048;
    /** A multiple of the row block of the CPU matrix kernels (4 with AVX2, up to 16 with AVX-512). */
    private static final int ROW_BLOCK = 16;

    /** {@code rows} rounded up to whole {@link #ROW_BLOCK}s: the rows a forward pass over them runs on. */
    public static int paddedRows(int rows) {
        return (rows + ROW_BLOCK - 1) / ROW_BLOCK * ROW_BLOCK;
    }

    private final ModelConfig config;
    private final FeaturePipeline features;
    private final BucketScheme scheme;
    private final LtvNetwork network;
    private final Model model;
    /** The network as one TorchScript module, once its parameters are final ({@link #freeze()}); null while training. */
    private volatile PtSymbolBlock frozen;

    private LtvModel(ModelConfig config, FeaturePipeline features, BucketScheme scheme, Device device) {
        this.config = config;
        this.features = features;
        this.scheme = scheme;
        this.network = LtvNetwork.create(config, features, scheme);
        this.model = Model.newInstance("ltv-" + config.modelType(), device);
        model.setBlock(network.block());
        network.block().initialize(model.getNDManager(), DataType.FLOAT32, inputShapes(1));
    }

    /** A freshly initialised model (random parameters from the engine's seeded generator). */
    public static LtvModel create(ModelConfig config, FeaturePipeline features, BucketScheme scheme, Device device) {
        return new LtvModel(config, features, scheme, device);
    }

    /**
     * A model as training starts it: features and buckets fitted on {@code train} as {@code config} says, random
     * parameters from the engine's generator seeded with {@code seed}.
     */
    static LtvModel initialise(ModelConfig config, Table train, Device device, int seed) {
        FeaturePipeline features = FeaturePipeline.fit(train, config.features());
        CcorOptions o = config.ccor();
        BucketScheme scheme = BucketScheme.fit(train.labels(), o.bucketQuantiles(), o.topEdgeQuantile(),
                o.residualSpace().equals("log1p"));
        Engine.getInstance().setRandomSeed(seed);
        return create(config, features, scheme, device);
    }

    public Predictions predict(Table table) {
        return predict(features.encode(table));
    }

    /**
     * Scores in batches of at most {@link #PREDICT_BATCH} rows, each padded to a multiple of {@link #ROW_BLOCK}
     * rows: the CPU matrix kernels treat a batch's last rows differently when the batch size is not a multiple of
     * their row block, so without padding one customer's score would change in its last bits with the size of the
     * batch it arrived in. Padded, a row scores the same alone, in a request or in a batch job.
     */
    public Predictions predict(EncodedFeatures x) {
        List<Predictions> parts = new ArrayList<>();
        // assembling the padding rows too and dropping them in Java is cheaper than slicing every output in torch
        inference(x, (out, rows) -> {
            Predictions padded = network.assemble(out);
            parts.add(padded.size() == rows ? padded : padded.rows(0, rows));
        });
        return Predictions.concat(parts);
    }

    /**
     * The network's forward passes over {@code x} exactly as {@link #predict(EncodedFeatures)} runs them, without
     * reading the outputs back or assembling predictions: the reference that scoring throughput is measured against.
     */
    public void forwardOnly(EncodedFeatures x) {
        inference(x, (out, rows) -> {});
    }

    private void inference(EncodedFeatures x, BiConsumer<NDList, Integer> sink) {
        // autograd's switch is per thread and on by default in threads the engine did not start (request threads):
        // without this, every scoring call would record a backward graph nobody uses
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            for (int from = 0; from < x.rows(); from += PREDICT_BATCH) {
                int to = Math.min(x.rows(), from + PREDICT_BATCH);
                try (NDManager batch = model.getNDManager().newSubManager()) {
                    NDList in = paddedInputs(batch, x, from, to);
                    sink.accept(inferenceBlock().forward(ResidentParameters.INSTANCE, in, false), to - from);
                }
            }
        } finally {
            JniUtils.setGradMode(recording);
        }
    }

    /**
     * Fixes the parameters for inference: the network's inference pass with its current parameters becomes one
     * TorchScript module ({@link ScriptBuilder}), which every later prediction runs in a single engine call instead of
     * one per tensor operation (about two hundred for CC-OR-Net), with the same results to the last bit. Called once
     * training has chosen its parameters and when a model is read from its artifact; the parameters must not change
     * afterwards.
     */
    public void freeze() {
        if (frozen != null) {
            return;
        }
        ScriptBuilder script = new ScriptBuilder();
        List<String> inputs = IntStream.range(0, inputShapes(1).length).mapToObj(ScriptBuilder::input).toList();
        byte[] archive = script.archive(inputs.size(), script.applyAll(network.block(), inputs));
        try {
            frozen = JniUtils.loadModule((PtNDManager) model.getNDManager(), new ByteArrayInputStream(archive), true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether predictions run the TorchScript form ({@link #freeze()}). */
    boolean frozen() {
        return frozen != null;
    }

    private Block inferenceBlock() {
        PtSymbolBlock module = frozen;
        return module != null ? module : network.block();
    }

    /** Forward pass over all rows of {@code x} (a training mini-batch) with arrays attached to {@code manager}. */
    NDList forward(NDManager manager, EncodedFeatures x, boolean training) {
        NDList in = new NDList(manager.create(x.numeric(), new Shape(x.rows(), x.numericWidth())));
        if (x.categoricalColumns() > 0) {
            in.add(manager.create(x.categorical(), new Shape(x.rows(), x.categoricalColumns())));
        }
        return network.block().forward(new ParameterStore(manager, false), in, training);
    }

    private static NDList paddedInputs(NDManager manager, EncodedFeatures x, int from, int to) {
        int rows = paddedRows(to - from);
        // padding rows are zeros: the numeric mean and the unknown category slot
        float[] numeric = new float[rows * x.numericWidth()];
        System.arraycopy(x.numeric(), from * x.numericWidth(), numeric, 0, (to - from) * x.numericWidth());
        NDList in = new NDList(manager.create(numeric, new Shape(rows, x.numericWidth())));
        if (x.categoricalColumns() > 0) {
            long[] cats = new long[rows * x.categoricalColumns()];
            System.arraycopy(x.categorical(), from * x.categoricalColumns(), cats, 0, (to - from) * x.categoricalColumns());
            in.add(manager.create(cats, new Shape(rows, x.categoricalColumns())));
        }
        return in;
    }

    Shape[] inputShapes(long batch) {
        return features.categorical().isEmpty()
                ? new Shape[] {new Shape(batch, features.numericWidth())}
                : new Shape[] {new Shape(batch, features.numericWidth()), new Shape(batch, features.categorical().size())};
    }

    /** The network's parameters in DJL's block format. */
    public byte[] parameters() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            network.block().saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    void loadParameters(byte[] parameters) {
        try {
            ParameterReader.load(network.block(), model.getNDManager(), parameters);
        } catch (IOException | MalformedModelException e) {
            String why = e.getMessage() != null ? e.getMessage()
                    : e instanceof EOFException ? "they end early" : e.toString();
            throw new IllegalArgumentException("the model parameters do not fit this network: " + why, e);
        }
    }

    LtvNetwork network() {
        return network;
    }

    NDManager manager() {
        return model.getNDManager();
    }

    public ModelConfig config() {
        return config;
    }

    public FeaturePipeline features() {
        return features;
    }

    public BucketScheme scheme() {
        return scheme;
    }

    public Device device() {
        return model.getNDManager().getDevice();
    }

    @Override
    public void close() {
        model.close();
    }
}

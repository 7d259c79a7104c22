package io.ltvcascade.model.ccor;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.EncodedFeatures;
import io.ltvcascade.model.features.FeaturePipeline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A ready model: its config, the fitted feature pipeline and bucket scheme, and the network's parameters on a
 * device. Predicts tables in batches; the artifact format is {@link ModelArtifact}.
 */
public final class LtvModel implements AutoCloseable {

    private static final int PREDICT_BATCH = 8192;

    private final ModelConfig config;
    private final FeaturePipeline features;
    private final BucketScheme scheme;
    private final LtvNetwork network;
    private final Model model;

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

    public Predictions predict(Table table) {
        return predict(features.encode(table));
    }

    public Predictions predict(EncodedFeatures x) {
        List<Predictions> parts = new ArrayList<>();
        for (int from = 0; from < x.rows(); from += PREDICT_BATCH) {
            int to = Math.min(x.rows(), from + PREDICT_BATCH);
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDList out = forward(batch, x, from, to, false);
                parts.add(network.assemble(out));
            }
        }
        return PredictionsConcat.of(parts);
    }

    /** Forward pass over rows [from, to) with arrays attached to {@code manager}. */
    NDList forward(NDManager manager, EncodedFeatures x, int from, int to, boolean training) {
        return network.block().forward(new ParameterStore(manager, false), inputs(manager, x, from, to), training);
    }

    static NDList inputs(NDManager manager, EncodedFeatures x, int from, int to) {
        int n = to - from;
        // a training mini-batch is already contiguous: only prediction slices need a copy
        boolean whole = from == 0 && to == x.rows();
        float[] numeric = whole ? x.numeric()
                : Arrays.copyOfRange(x.numeric(), from * x.numericWidth(), to * x.numericWidth());
        NDList in = new NDList(manager.create(numeric, new Shape(n, x.numericWidth())));
        if (x.categoricalColumns() > 0) {
            long[] cats = whole ? x.categorical()
                    : Arrays.copyOfRange(x.categorical(), from * x.categoricalColumns(), to * x.categoricalColumns());
            in.add(manager.create(cats, new Shape(n, x.categoricalColumns())));
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
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            network.block().loadParameters(model.getNDManager(), in);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalArgumentException("the model parameters do not fit this network: " + e.getMessage(), e);
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

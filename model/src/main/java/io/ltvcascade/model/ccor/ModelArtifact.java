package io.ltvcascade.model.ccor;

import ai.djl.Device;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.ltvcascade.model.features.FeaturePipeline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The one-file form of a trained model: a zip of {@code manifest.json} (format and version), {@code config.json},
 * {@code features.json} (fitted pipeline), {@code buckets.json} (thresholds, centres, half-ranges) and
 * {@code parameters.bin} (DJL block parameters). Never training data. Loading checks the format first.
 */
public final class ModelArtifact {

    public static final String FORMAT = "ltv-cascade-model";
    /** 2: numeric encoders carry their training range (clipping). */
    public static final int FORMAT_VERSION = 2;

    /** What the artifact is, read before anything else. */
    public record Manifest(String format, int formatVersion, String modelType, String createdAt) {}

    private ModelArtifact() {}

    public static byte[] write(LtvModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "manifest.json", json(new Manifest(FORMAT, FORMAT_VERSION, model.config().modelType(),
                    Instant.now().toString())));
            put(zip, "config.json", json(model.config()));
            put(zip, "features.json", json(model.features()));
            put(zip, "buckets.json", json(model.scheme()));
            put(zip, "parameters.bin", model.parameters());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Loads an artifact onto {@code device}; a corrupt or incompatible one fails with {@link ArtifactException}. */
    public static LtvModel read(byte[] artifact, Device device) {
        Map<String, byte[]> entries = entries(artifact);
        Manifest manifest = parse(entries, "manifest.json", Manifest.class);
        if (!FORMAT.equals(manifest.format()) || manifest.formatVersion() != FORMAT_VERSION) {
            throw new ArtifactException("artifact is " + manifest.format() + " v" + manifest.formatVersion()
                    + "; this build reads " + FORMAT + " v" + FORMAT_VERSION);
        }
        ModelConfig config = parse(entries, "config.json", ModelConfig.class);
        FeaturePipeline features = parse(entries, "features.json", FeaturePipeline.class);
        BucketScheme scheme = parse(entries, "buckets.json", BucketScheme.class);
        DjlRuntime.configure();
        LtvModel model = LtvModel.create(config, features, scheme, device);
        try {
            model.loadParameters(require(entries, "parameters.bin"));
        } catch (RuntimeException e) {
            model.close();
            throw new ArtifactException("artifact parameters are corrupt or do not match its config: " + e.getMessage());
        }
        try {
            model.freeze();
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static Map<String, byte[]> entries(byte[] artifact) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(artifact))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new ArtifactException("artifact is not a readable model file: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new ArtifactException("artifact is not a model file (no zip entries)");
        }
        return entries;
    }

    private static <T> T parse(Map<String, byte[]> entries, String name, Class<T> type) {
        try {
            return ModelJson.MAPPER.readValue(require(entries, name), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new ArtifactException("artifact entry " + name + " is invalid: " + e.getMessage());
        }
    }

    private static byte[] require(Map<String, byte[]> entries, String name) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new ArtifactException("artifact lacks " + name);
        }
        return bytes;
    }

    private static byte[] json(Object value) throws JsonProcessingException {
        return ModelJson.MAPPER.writeValueAsBytes(value);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}

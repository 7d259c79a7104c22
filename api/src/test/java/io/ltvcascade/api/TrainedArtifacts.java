package io.ltvcascade.api;

import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.ccor.ModelConfig;
import io.ltvcascade.model.ccor.ModelTrainer;
import io.ltvcascade.model.ccor.TrainingConfig;
import io.ltvcascade.model.ccor.TrainingResult;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.data.UploadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real CC-OR-Net artifacts for serving tests, trained once per test JVM with the model library exactly as a worker
 * trains them, on the first rows of CDNOW. Two seeds give two versions that score differently.
 */
public final class TrainedArtifacts {

    /** Rows of cdnow/ltv_table.csv used (plus the header). */
    static final int ROWS = 3000;

    private static final Map<Long, byte[]> BY_SEED = new ConcurrentHashMap<>();
    private static String csv;

    private TrainedArtifacts() {}

    /** The CDNOW slice as CSV text, as the tests upload it. */
    public static synchronized String csv() {
        if (csv == null) {
            try (var lines = Files.lines(ApiTestSupport.sharedData("cdnow/ltv_table.csv"))) {
                csv = lines.limit(ROWS + 1).collect(Collectors.joining("\n", "", "\n"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return csv;
    }

    public static byte[] artifact(long seed) {
        return BY_SEED.computeIfAbsent(seed, TrainedArtifacts::train);
    }

    private static byte[] train(long seed) {
        try {
            Path file = Files.createTempFile("cdnow-slice", ".csv");
            Files.writeString(file, csv());
            Table table = Table.readCsv(file, UploadSpec.of("customer_id", "label").ignoring("fold", "label_*"));
            Files.delete(file);
            ModelConfig config = new ModelConfig("ccor", List.of(32, 16), null, null, null,
                    new TrainingConfig(2, 512, null, null, null, null, seed, "cpu"));
            try (TrainingResult result = new ModelTrainer(config, r -> {}, () -> false).train(table, table)) {
                return ModelArtifact.write(result.model());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

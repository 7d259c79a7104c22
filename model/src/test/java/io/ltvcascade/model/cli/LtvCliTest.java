package io.ltvcascade.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.model.data.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline path end to end: train writes an artifact; predict in a fresh JVM reproduces the same numbers. */
class LtvCliTest {

    @TempDir
    Path dir;

    @Test
    void shouldTrainEvaluateAndPredictIdenticallyInAFreshJvm() throws Exception {
        Path csv = writeCsv(SyntheticData.generate(4000, 31), dir.resolve("customers.csv"));
        Path model = dir.resolve("model.ltv");
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"encoder_widths\": [32, 16], \"training\": {\"epochs\": 2, \"batch_size\": 512}}");
        assertEquals(0, LtvCli.run(new String[] {"train", "--data", csv.toString(), "--id", "customer_id", "--label",
                "label", "--split", "0.6,0.2", "--config", config.toString(), "--out", model.toString(),
                "--report", dir.resolve("report.json").toString()}));
        assertTrue(Files.readString(dir.resolve("report.json")).contains("\"normalized_gini\""));

        Path here = dir.resolve("here.csv");
        assertEquals(0, LtvCli.run(new String[] {"predict", "--model", model.toString(), "--data", csv.toString(),
                "--id", "customer_id", "--out", here.toString()}));
        Path fresh = dir.resolve("fresh.csv");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LtvCli.class.getName(), "predict", "--model",
                model.toString(), "--data", csv.toString(), "--id", "customer_id", "--out", fresh.toString())
                .inheritIO().start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue());
        List<String> a = Files.readAllLines(here);
        assertEquals(4001, a.size());
        assertEquals(a, Files.readAllLines(fresh));
        assertEquals(0, LtvCli.run(new String[] {"scoring-benchmark", "--model", model.toString(), "--data",
                csv.toString(), "--id", "customer_id", "--repeat", "1"}));
    }

    @Test
    void shouldExitWithUsageOnBadArguments() {
        assertEquals(2, LtvCli.run(new String[] {}));
        assertEquals(2, LtvCli.run(new String[] {"train", "--data"}));
        assertEquals(2, LtvCli.run(new String[] {"nope"}));
        assertEquals(2, LtvCli.run(new String[] {"predict", "--model", dir.resolve("missing.ltv").toString(), "--data",
                "x.csv", "--id", "id", "--out", "y.csv"}), "an unreadable model file is a usage error");
    }

    static Path writeCsv(Table table, Path file) throws IOException {
        var columns = table.schema().columns();
        StringBuilder csv = new StringBuilder(String.join(",", columns.stream().map(c -> c.name()).toList())).append('\n');
        for (int r = 0; r < table.rows(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                var col = columns.get(c);
                csv.append(c == 0 ? "" : ",").append(col.type() == io.ltvcascade.model.data.ValueType.NUMBER
                        ? Double.toString(table.numbers(col.name())[r]) : table.texts(col.name())[r]);
            }
            csv.append('\n');
        }
        return Files.writeString(file, csv);
    }
}

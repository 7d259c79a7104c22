package io.ltvcascade.model.cli;

import ai.djl.Device;
import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.features.PredictionInput;
import io.ltvcascade.model.features.PredictionRows;
import io.ltvcascade.model.scoring.PredictionCsv;
import io.ltvcascade.model.scoring.ScoredCustomer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code predict}: scores a CSV with a saved model into a CSV of expected values, buckets and probabilities. */
final class PredictCommand {

    private PredictCommand() {}

    static void run(Args args) {
        Path out = Path.of(args.required("out"));
        try (LtvModel model = ModelArtifact.read(CliData.read(Path.of(args.required("model"))), Device.cpu())) {
            PredictionRows rows = PredictionInput.readCsv(Path.of(args.required("data")), args.required("id"),
                    model.features());
            if (!rows.ignoredColumns().isEmpty()) {
                System.out.println("ignored columns the model does not use: " + rows.ignoredColumns());
            }
            Predictions p = model.predict(rows.table());
            int buckets = model.scheme().buckets();
            try (BufferedWriter writer = Files.newBufferedWriter(out)) {
                PredictionCsv.writeHeader(writer, buckets);
                PredictionCsv.writeRows(writer, ScoredCustomer.of(rows.table().ids(), p), buckets);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out, e);
            }
            System.out.printf("scored %d customers into %s%n", p.size(), out);
        }
    }
}

package io.ltvcascade.model.cli;

import ai.djl.Device;
import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.PredictionInput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** {@code predict}: scores a CSV with a saved model into a CSV of expected values, buckets and probabilities. */
final class PredictCommand {

    private PredictCommand() {}

    static void run(Args args) {
        Path out = Path.of(args.required("out"));
        try (LtvModel model = ModelArtifact.read(CliData.read(Path.of(args.required("model"))), Device.cpu())) {
            Table rows = PredictionInput.readCsv(Path.of(args.required("data")), args.required("id"), model.features());
            Predictions p = model.predict(rows);
            write(out, rows.ids(), p, model.scheme().buckets());
            System.out.printf("scored %d customers into %s%n", p.size(), out);
        }
    }

    private static void write(Path out, String[] ids, Predictions p, int buckets) {
        try (BufferedWriter writer = Files.newBufferedWriter(out);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            csv.print("customer_id");
            csv.print("expected_ltv");
            csv.print("bucket");
            csv.print("p_payer");
            for (int b = 0; b < buckets; b++) {
                csv.print("p_bucket_" + b);
            }
            csv.print("high_value_confidence");
            csv.println();
            for (int i = 0; i < p.size(); i++) {
                csv.print(ids[i]);
                csv.print(p.expected()[i]);
                csv.print(p.bucket()[i]);
                csv.print(p.payerProbability() == null ? "" : p.payerProbability()[i]);
                for (int b = 0; b < buckets; b++) {
                    csv.print(p.bucketProbabilities() == null ? "" : p.bucketProbabilities()[i][b]);
                }
                csv.print(Double.isNaN(p.highValueConfidence()[i]) ? "" : p.highValueConfidence()[i]);
                csv.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }
}

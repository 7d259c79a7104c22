package io.ltvcascade.model.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV form of scored customers, shared by the CLI and batch scoring's download: {@code customer_id, expected_ltv, bucket,
 * p_payer, p_bucket_0 … p_bucket_{K−1}, high_value_confidence}; absent values are empty cells. Numbers are written
 * with Java's shortest exact decimal, so parsing a cell gives back the very double that was scored.
 */
public final class PredictionCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private PredictionCsv() {}

    public static void writeHeader(Appendable out, int buckets) {
        List<String> header = new ArrayList<>(List.of("customer_id", "expected_ltv", "bucket", "p_payer"));
        for (int b = 0; b < buckets; b++) {
            header.add("p_bucket_" + b);
        }
        header.add("high_value_confidence");
        print(out, header);
    }

    /** Rows only, no header: batch scoring writes a file in chunks. */
    public static void writeRows(Appendable out, List<ScoredCustomer> customers, int buckets) {
        for (ScoredCustomer c : customers) {
            List<Object> row = new ArrayList<>(buckets + 5);
            row.add(c.customerId());
            row.add(c.expectedLtv());
            row.add(c.bucket());
            row.add(c.pPayer() == null ? "" : c.pPayer());
            for (int b = 0; b < buckets; b++) {
                row.add(c.bucketProbabilities() == null ? "" : c.bucketProbabilities()[b]);
            }
            row.add(c.highValueConfidence() == null ? "" : c.highValueConfidence());
            print(out, row);
        }
    }

    private static void print(Appendable out, List<?> values) {
        try {
            FORMAT.printRecord(out, values.toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

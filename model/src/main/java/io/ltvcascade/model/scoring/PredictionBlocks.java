package io.ltvcascade.model.scoring;

import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.data.BlockCodec;
import io.ltvcascade.model.data.ColumnBlock;
import io.ltvcascade.model.data.ColumnRole;
import io.ltvcascade.model.data.ColumnSpec;
import io.ltvcascade.model.data.TableSchema;
import io.ltvcascade.model.data.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scored customers in the compact column-block format of stored datasets ({@link BlockCodec}: raw doubles,
 * deflated): how batch scoring stores its results. Storing binary keeps text formatting out of the scoring job
 * (formatting doubles costs about as much as a forward pass); readers format CSV or JSON from the same doubles.
 * Absent values (a baseline's probabilities, a confidence where the high-value module did not run) are NaN.
 */
public final class PredictionBlocks {

    /** Rows per stored block of a batch scoring result (and per progress beat of a scoring job). */
    public static final int CHUNK_ROWS = 16384;

    private PredictionBlocks() {}

    /** The block of customers {@code ids} scored {@code predictions}, column by column as the model gave them. */
    public static byte[] encode(String[] ids, Predictions predictions, int buckets) {
        int n = predictions.size();
        double[][] probabilities = predictions.bucketProbabilities();
        Object[] columns = new Object[buckets + 5];
        columns[0] = ids;
        columns[1] = predictions.expected();
        columns[2] = Arrays.stream(predictions.bucket()).asDoubleStream().toArray();
        columns[3] = predictions.payerProbability() != null ? predictions.payerProbability() : nans(n);
        for (int b = 0; b < buckets; b++) {
            columns[4 + b] = probabilities == null ? nans(n) : column(probabilities, b);
        }
        columns[4 + buckets] = predictions.highValueConfidence();
        return BlockCodec.encode(ColumnBlock.of(schema(buckets), columns, n));
    }

    private static double[] column(double[][] rows, int b) {
        double[] column = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            column[i] = rows[i][b];
        }
        return column;
    }

    private static double[] nans(int n) {
        double[] column = new double[n];
        Arrays.fill(column, Double.NaN);
        return column;
    }

    public static List<ScoredCustomer> decode(byte[] data, int buckets) {
        ColumnBlock block = BlockCodec.decode(data, schema(buckets));
        List<ScoredCustomer> out = new ArrayList<>(block.rowCount());
        String[] ids = block.texts(0);
        for (int i = 0; i < block.rowCount(); i++) {
            double[] probabilities = Double.isNaN(block.numbers(4)[i]) ? null : new double[buckets];
            for (int b = 0; probabilities != null && b < buckets; b++) {
                probabilities[b] = block.numbers(4 + b)[i];
            }
            out.add(new ScoredCustomer(ids[i], block.numbers(1)[i], (int) block.numbers(2)[i], probabilities,
                    present(block.numbers(3)[i]), present(block.numbers(4 + buckets)[i])));
        }
        return out;
    }

    private static Double present(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static TableSchema schema(int buckets) {
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(new ColumnSpec("customer_id", ColumnRole.ID, ValueType.TEXT));
        for (String name : List.of("expected_ltv", "bucket", "p_payer")) {
            columns.add(new ColumnSpec(name, ColumnRole.NUMERIC, ValueType.NUMBER));
        }
        for (int b = 0; b < buckets; b++) {
            columns.add(new ColumnSpec("p_bucket_" + b, ColumnRole.NUMERIC, ValueType.NUMBER));
        }
        columns.add(new ColumnSpec("high_value_confidence", ColumnRole.NUMERIC, ValueType.NUMBER));
        return new TableSchema(columns);
    }
}

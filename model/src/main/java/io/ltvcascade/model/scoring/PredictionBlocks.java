package io.ltvcascade.model.scoring;

import io.ltvcascade.model.data.BlockCodec;
import io.ltvcascade.model.data.ColumnBlock;
import io.ltvcascade.model.data.ColumnRole;
import io.ltvcascade.model.data.ColumnSpec;
import io.ltvcascade.model.data.TableSchema;
import io.ltvcascade.model.data.ValueType;
import java.util.ArrayList;
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

    public static byte[] encode(List<ScoredCustomer> customers, int buckets) {
        int n = customers.size();
        Object[] columns = new Object[buckets + 5];
        String[] ids = new String[n];
        double[][] numbers = new double[buckets + 4][n];
        for (int i = 0; i < n; i++) {
            ScoredCustomer c = customers.get(i);
            ids[i] = c.customerId();
            numbers[0][i] = c.expectedLtv();
            numbers[1][i] = c.bucket();
            numbers[2][i] = c.pPayer() == null ? Double.NaN : c.pPayer();
            for (int b = 0; b < buckets; b++) {
                numbers[3 + b][i] = c.bucketProbabilities() == null ? Double.NaN : c.bucketProbabilities()[b];
            }
            numbers[3 + buckets][i] = c.highValueConfidence() == null ? Double.NaN : c.highValueConfidence();
        }
        columns[0] = ids;
        System.arraycopy(numbers, 0, columns, 1, numbers.length);
        return BlockCodec.encode(ColumnBlock.of(schema(buckets), columns, n));
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

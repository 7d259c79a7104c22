package io.ltvcascade.model.data;

import java.util.List;
import java.util.Random;

/**
 * Seeded LTV-shaped data for tests and benchmarks: five numeric features and a categorical channel; the label is
 * zero-inflated (payer odds rise with the features) with a log-normal tail, like the real tables at any size.
 */
public final class SyntheticData {

    private static final String[] CHANNELS = {"web", "app", "store", "partner"};

    private SyntheticData() {}

    public static Table generate(int rows, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[5][rows];
        String[] channel = new String[rows];
        String[] id = new String[rows];
        double[] label = new double[rows];
        for (int i = 0; i < rows; i++) {
            id[i] = "c" + i;
            for (int f = 0; f < 5; f++) {
                x[f][i] = f < 2 ? Math.exp(random.nextGaussian()) * 20 : random.nextGaussian();
            }
            channel[i] = CHANNELS[random.nextInt(CHANNELS.length)];
            double signal = 0.8 * Math.log1p(x[0][i]) + 0.4 * x[2][i] - 0.3 * x[3][i] + (channel[i].equals("app") ? 0.5 : 0);
            boolean payer = random.nextDouble() < 1 / (1 + Math.exp(-(signal - 3)));
            label[i] = payer ? Math.exp(1.5 + 0.5 * signal + 0.9 * random.nextGaussian()) : 0;
        }
        TableSchema schema = new TableSchema(List.of(
                new ColumnSpec("customer_id", ColumnRole.ID, ValueType.TEXT),
                new ColumnSpec("spend", ColumnRole.NUMERIC, ValueType.NUMBER),
                new ColumnSpec("orders", ColumnRole.NUMERIC, ValueType.NUMBER),
                new ColumnSpec("x2", ColumnRole.NUMERIC, ValueType.NUMBER),
                new ColumnSpec("x3", ColumnRole.NUMERIC, ValueType.NUMBER),
                new ColumnSpec("x4", ColumnRole.NUMERIC, ValueType.NUMBER),
                new ColumnSpec("channel", ColumnRole.CATEGORICAL, ValueType.TEXT),
                new ColumnSpec("label", ColumnRole.LABEL, ValueType.NUMBER)));
        ColumnBlock block = ColumnBlock.of(schema, new Object[] {id, x[0], x[1], x[2], x[3], x[4], channel, label}, rows);
        return Table.fromBlocks(schema, List.of(block));
    }
}

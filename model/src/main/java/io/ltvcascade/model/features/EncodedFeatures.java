package io.ltvcascade.model.features;

import java.util.Arrays;
import java.util.List;

/**
 * Network inputs for {@code rows} customers: row-major standardised numeric features ({@code rows × numericWidth})
 * and row-major category indexes ({@code rows × categoricalColumns}).
 */
public record EncodedFeatures(int rows, int numericWidth, float[] numeric, int categoricalColumns, long[] categorical) {

    /** The rows of {@code parts} (encoded by one pipeline) one after the other. */
    public static EncodedFeatures concat(List<EncodedFeatures> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        EncodedFeatures first = parts.get(0);
        int rows = parts.stream().mapToInt(EncodedFeatures::rows).sum();
        float[] numeric = new float[rows * first.numericWidth()];
        long[] categorical = new long[rows * first.categoricalColumns()];
        int at = 0;
        for (EncodedFeatures p : parts) {
            System.arraycopy(p.numeric(), 0, numeric, at * first.numericWidth(), p.rows() * first.numericWidth());
            System.arraycopy(p.categorical(), 0, categorical, at * first.categoricalColumns(),
                    p.rows() * first.categoricalColumns());
            at += p.rows();
        }
        return new EncodedFeatures(rows, first.numericWidth(), numeric, first.categoricalColumns(), categorical);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public EncodedFeatures rows(int from, int to) {
        return new EncodedFeatures(to - from, numericWidth,
                Arrays.copyOfRange(numeric, from * numericWidth, to * numericWidth), categoricalColumns,
                Arrays.copyOfRange(categorical, from * categoricalColumns, to * categoricalColumns));
    }
}

package io.ltvcascade.model.ccor;

import io.ltvcascade.model.features.EncodedFeatures;

/** Copies the rows order[from..to) of encoded features and labels into one contiguous mini-batch. */
final class BatchSlicer {

    private BatchSlicer() {}

    static EncodedFeatures rows(EncodedFeatures x, int[] order, int from, int to) {
        int n = to - from;
        int w = x.numericWidth();
        int c = x.categoricalColumns();
        float[] numeric = new float[n * w];
        long[] categorical = new long[n * c];
        for (int i = 0; i < n; i++) {
            int row = order[from + i];
            System.arraycopy(x.numeric(), row * w, numeric, i * w, w);
            System.arraycopy(x.categorical(), row * c, categorical, i * c, c);
        }
        return new EncodedFeatures(n, w, numeric, c, categorical);
    }

    static float[] labels(double[] y, int[] order, int from, int to) {
        float[] out = new float[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = (float) y[order[i]];
        }
        return out;
    }

    static long[] buckets(int[] buckets, int[] order, int from, int to) {
        long[] out = new long[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = buckets[order[i]];
        }
        return out;
    }
}

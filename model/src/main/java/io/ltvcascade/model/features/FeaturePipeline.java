package io.ltvcascade.model.features;

import io.ltvcascade.model.data.ColumnRole;
import io.ltvcascade.model.data.ColumnSpec;
import io.ltvcascade.model.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns table columns into network inputs; fitted on the training split only and saved with the model. */
public record FeaturePipeline(List<NumericEncoder> numeric, List<CategoricalEncoder> categorical) {

    public static FeaturePipeline fit(Table train, FeatureConfig config) {
        List<NumericEncoder> numeric = new ArrayList<>();
        List<CategoricalEncoder> categorical = new ArrayList<>();
        for (ColumnSpec column : train.schema().columns()) {
            if (column.role() == ColumnRole.NUMERIC) {
                numeric.add(NumericEncoder.fit(column.name(), train.numbers(column.name()), config));
            } else if (column.role() == ColumnRole.CATEGORICAL) {
                categorical.add(CategoricalEncoder.fit(column.name(), train.texts(column.name()), config));
            }
        }
        if (numeric.isEmpty() && categorical.isEmpty()) {
            throw new IllegalArgumentException("the dataset has no numeric or categorical feature columns");
        }
        return new FeaturePipeline(List.copyOf(numeric), List.copyOf(categorical));
    }

    /** Numeric inputs: one per column plus one missing indicator per column that had gaps in training. */
    public int numericWidth() {
        return numeric.size() + (int) numeric.stream().filter(NumericEncoder::missingIndicator).count();
    }

    public EncodedFeatures encode(Table table) {
        int rows = table.rows();
        int width = numericWidth();
        float[] x = new float[rows * width];
        int col = 0;
        for (NumericEncoder encoder : numeric) {
            double[] values = table.numbers(encoder.column());
            int indicator = encoder.missingIndicator() ? numeric.size() + indicatorSlot(encoder) : -1;
            for (int r = 0; r < rows; r++) {
                x[r * width + col] = encoder.encode(values[r]);
                if (indicator >= 0) {
                    x[r * width + indicator] = Double.isNaN(values[r]) ? 1f : 0f;
                }
            }
            col++;
        }
        long[] cats = new long[rows * categorical.size()];
        for (int c = 0; c < categorical.size(); c++) {
            Map<String, Integer> index = categorical.get(c).index();
            String[] values = table.texts(categorical.get(c).column());
            for (int r = 0; r < rows; r++) {
                cats[r * categorical.size() + c] = values[r] == null ? 0 : index.getOrDefault(values[r], 0);
            }
        }
        return new EncodedFeatures(rows, width, x, categorical.size(), cats);
    }

    private int indicatorSlot(NumericEncoder encoder) {
        int slot = 0;
        for (NumericEncoder e : numeric) {
            if (e == encoder) {
                return slot;
            }
            slot += e.missingIndicator() ? 1 : 0;
        }
        throw new IllegalStateException();
    }
}

package io.ltvcascade.model.features;

import io.ltvcascade.model.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects rows to score, cell by cell, into a table with the id and exactly the pipeline's feature columns. A cell
 * never set stays missing (NaN or null), which the pipeline imputes as in training. Every reader of rows to score
 * (CSV files, JSON request bodies) builds its table here, so all of them encode features the same way.
 */
public final class PredictionTableBuilder {

    private final PredictionLayout layout;
    private final List<String> ids = new ArrayList<>();
    private final List<double[]> numeric = new ArrayList<>();
    private final List<String[]> categorical = new ArrayList<>();

    public PredictionTableBuilder(PredictionLayout layout) {
        this.layout = layout;
    }

    public String idColumn() {
        return layout.idColumn();
    }

    /** See {@link PredictionLayout#slotOf}. */
    public int slotOf(String column) {
        return layout.slotOf(column);
    }

    /** Whether a feature slot from {@link #slotOf} takes numbers (else text). */
    public boolean isNumeric(int slot) {
        return layout.isNumeric(slot);
    }

    /** Starts a row; its id must be set before the next row starts, and its features are missing until set. */
    public void startRow() {
        ids.add(null);
        double[] values = new double[layout.numericFeatures()];
        Arrays.fill(values, Double.NaN);
        numeric.add(values);
        categorical.add(new String[layout.categoricalFeatures()]);
    }

    /** Sets the current row's customer id. */
    public void setId(String customerId) {
        ids.set(ids.size() - 1, customerId);
    }

    /** Sets a numeric feature of the current row; NaN means missing. */
    public void setNumber(int slot, double value) {
        numeric.get(numeric.size() - 1)[slot] = value;
    }

    /** Sets a categorical feature of the current row; null means missing. */
    public void setText(int slot, String value) {
        categorical.get(categorical.size() - 1)[slot - layout.numericFeatures()] = value;
    }

    public int rows() {
        return ids.size();
    }

    public Table build() {
        int n = ids.size();
        int numericFeatures = layout.numericFeatures();
        Object[] columns = new Object[layout.schema().size()];
        columns[0] = ids.toArray(new String[0]);
        for (int c = 0; c < numericFeatures; c++) {
            double[] column = new double[n];
            for (int r = 0; r < n; r++) {
                column[r] = numeric.get(r)[c];
            }
            columns[1 + c] = column;
        }
        for (int c = 0; c < layout.categoricalFeatures(); c++) {
            String[] column = new String[n];
            for (int r = 0; r < n; r++) {
                column[r] = categorical.get(r)[c];
            }
            columns[1 + numericFeatures + c] = column;
        }
        return Table.of(layout.schema(), columns, n);
    }
}

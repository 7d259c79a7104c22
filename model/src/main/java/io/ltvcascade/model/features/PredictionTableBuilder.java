package io.ltvcascade.model.features;

import io.ltvcascade.model.data.ColumnBlock;
import io.ltvcascade.model.data.ColumnRole;
import io.ltvcascade.model.data.ColumnSpec;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.data.TableSchema;
import io.ltvcascade.model.data.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects rows to score, cell by cell, into a table with the id and exactly the pipeline's feature columns. A cell
 * never set stays missing (NaN or null), which the pipeline imputes as in training. Every reader of rows to score
 * (CSV files, JSON request bodies) builds its table here, so all of them encode features the same way.
 */
public final class PredictionTableBuilder {

    /** {@link #slotOf} of the id column. */
    public static final int ID = -1;
    /** {@link #slotOf} of a column that is neither the id nor a feature. */
    public static final int IGNORED = -2;

    private final String idColumn;
    private final FeaturePipeline pipeline;
    private final Map<String, Integer> numericSlot = new HashMap<>();
    private final Map<String, Integer> categoricalSlot = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final List<double[]> numeric = new ArrayList<>();
    private final List<String[]> categorical = new ArrayList<>();

    public PredictionTableBuilder(String idColumn, FeaturePipeline pipeline) {
        this.idColumn = idColumn;
        this.pipeline = pipeline;
        for (int i = 0; i < pipeline.numeric().size(); i++) {
            numericSlot.put(pipeline.numeric().get(i).column(), i);
        }
        for (int i = 0; i < pipeline.categorical().size(); i++) {
            categoricalSlot.put(pipeline.categorical().get(i).column(), i);
        }
    }

    public String idColumn() {
        return idColumn;
    }

    /**
     * Where {@code column}'s values go: {@link #ID}, {@link #IGNORED} (not a feature of this model), or a feature
     * slot for {@link #setNumber} (when {@link #isNumeric}) or {@link #setText}. Readers look a column up once (per
     * header, or per field name) rather than per cell.
     */
    public int slotOf(String column) {
        if (column.equals(idColumn)) {
            return ID;
        }
        Integer numeric = numericSlot.get(column);
        if (numeric != null) {
            return numeric;
        }
        Integer categorical = categoricalSlot.get(column);
        return categorical == null ? IGNORED : numericSlot.size() + categorical;
    }

    /** Whether a feature slot from {@link #slotOf} takes numbers (else text). */
    public boolean isNumeric(int slot) {
        return slot >= 0 && slot < numericSlot.size();
    }

    /** Starts a row; its id must be set before the next row starts, and its features are missing until set. */
    public void startRow() {
        ids.add(null);
        double[] values = new double[numericSlot.size()];
        Arrays.fill(values, Double.NaN);
        numeric.add(values);
        categorical.add(new String[categoricalSlot.size()]);
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
        categorical.get(categorical.size() - 1)[slot - numericSlot.size()] = value;
    }

    public int rows() {
        return ids.size();
    }

    public Table build() {
        TableSchema schema = schema();
        int n = ids.size();
        Object[] columns = new Object[schema.size()];
        columns[0] = ids.toArray(new String[0]);
        for (int c = 0; c < numericSlot.size(); c++) {
            double[] column = new double[n];
            for (int r = 0; r < n; r++) {
                column[r] = numeric.get(r)[c];
            }
            columns[1 + c] = column;
        }
        for (int c = 0; c < categoricalSlot.size(); c++) {
            String[] column = new String[n];
            for (int r = 0; r < n; r++) {
                column[r] = categorical.get(r)[c];
            }
            columns[1 + numericSlot.size() + c] = column;
        }
        return Table.fromBlocks(schema, List.of(ColumnBlock.of(schema, columns, n)));
    }

    /** The id, then numeric, then categorical feature columns. */
    private TableSchema schema() {
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(new ColumnSpec(idColumn, ColumnRole.ID, ValueType.TEXT));
        pipeline.numeric().forEach(e -> columns.add(new ColumnSpec(e.column(), ColumnRole.NUMERIC, ValueType.NUMBER)));
        pipeline.categorical().forEach(e -> columns.add(new ColumnSpec(e.column(), ColumnRole.CATEGORICAL, ValueType.TEXT)));
        return new TableSchema(columns);
    }
}

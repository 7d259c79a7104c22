package io.ltvcascade.model.features;

import io.ltvcascade.model.data.ColumnRole;
import io.ltvcascade.model.data.ColumnSpec;
import io.ltvcascade.model.data.TableSchema;
import io.ltvcascade.model.data.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the columns of rows to score go for one model: the id, the pipeline's numeric features, then its categorical
 * ones, as slots of a {@link PredictionTableBuilder} and as the schema of the table it builds. Immutable: a server
 * works it out once per loaded model instead of per request.
 */
public final class PredictionLayout {

    /** {@link #slotOf} of the id column. */
    public static final int ID = -1;
    /** {@link #slotOf} of a column that is neither the id nor a feature. */
    public static final int IGNORED = -2;

    private final String idColumn;
    private final Map<String, Integer> featureSlots = new HashMap<>();
    private final int numericFeatures;
    private final int categoricalFeatures;
    private final TableSchema schema;

    public PredictionLayout(String idColumn, FeaturePipeline pipeline) {
        this.idColumn = idColumn;
        this.numericFeatures = pipeline.numeric().size();
        this.categoricalFeatures = pipeline.categorical().size();
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(new ColumnSpec(idColumn, ColumnRole.ID, ValueType.TEXT));
        for (int i = 0; i < numericFeatures; i++) {
            String column = pipeline.numeric().get(i).column();
            featureSlots.put(column, i);
            columns.add(new ColumnSpec(column, ColumnRole.NUMERIC, ValueType.NUMBER));
        }
        for (int i = 0; i < categoricalFeatures; i++) {
            String column = pipeline.categorical().get(i).column();
            featureSlots.put(column, numericFeatures + i);
            columns.add(new ColumnSpec(column, ColumnRole.CATEGORICAL, ValueType.TEXT));
        }
        this.schema = new TableSchema(columns);
    }

    public String idColumn() {
        return idColumn;
    }

    /**
     * Where {@code column}'s values go: {@link #ID}, {@link #IGNORED} (not a feature of this model), or a feature
     * slot (numeric ones first, see {@link #isNumeric}). Readers look a column up once (per header, or per field
     * name) rather than per cell.
     */
    public int slotOf(String column) {
        if (column.equals(idColumn)) {
            return ID;
        }
        return featureSlots.getOrDefault(column, IGNORED);
    }

    /** Whether a feature slot from {@link #slotOf} takes numbers (else text). */
    public boolean isNumeric(int slot) {
        return slot >= 0 && slot < numericFeatures;
    }

    int numericFeatures() {
        return numericFeatures;
    }

    int categoricalFeatures() {
        return categoricalFeatures;
    }

    /** The id, then numeric, then categorical feature columns: the slots in order after the id. */
    TableSchema schema() {
        return schema;
    }
}

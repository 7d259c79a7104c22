package io.ltvcascade.model.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides every column's role and storage type from the uploader's spec and a scan: explicit roles win,
 * then ignore patterns, then inference (all numbers: numeric; dates: ignored; few distinct texts: categorical;
 * else ignored).
 */
public final class SchemaResolver {

    private SchemaResolver() {}

    public static TableSchema resolve(UploadSpec spec, ScanResult scan) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (ColumnScan column : scan.columns()) {
            ColumnRole role = roleOf(spec, column);
            if (role == ColumnRole.NUMERIC) {
                column.requireNumeric("is numeric");
            }
            columns.add(new ColumnSpec(column.name(), role, typeOf(role, column)));
        }
        return new TableSchema(columns);
    }

    private static ColumnRole roleOf(UploadSpec spec, ColumnScan column) {
        String name = column.name();
        if (name.equals(spec.idColumn())) {
            return ColumnRole.ID;
        }
        if (name.equals(spec.labelColumn())) {
            return ColumnRole.LABEL;
        }
        ColumnRole explicit = spec.roles().get(name);
        if (explicit == ColumnRole.ID || explicit == ColumnRole.LABEL) {
            throw DataValidationException.at(DataProblem.UNKNOWN_COLUMN, 1, name,
                    "name the id and label columns with id_column and label_column, not as a role of '" + name + "'");
        }
        if (explicit != null) {
            return explicit;
        }
        if (spec.ignores(name) || column.empty() || column.allDates()) {
            return ColumnRole.IGNORED;
        }
        if (column.allNumeric()) {
            return ColumnRole.NUMERIC;
        }
        return column.tooManyDistinct() ? ColumnRole.IGNORED : ColumnRole.CATEGORICAL;
    }

    private static ValueType typeOf(ColumnRole role, ColumnScan column) {
        return switch (role) {
            case ID, CATEGORICAL -> ValueType.TEXT;
            case LABEL, NUMERIC -> ValueType.NUMBER;
            case IGNORED -> column.allNumeric() && !column.hasNonFinite() ? ValueType.NUMBER : ValueType.TEXT;
        };
    }
}

package io.ltvcascade.model.features;

import io.ltvcascade.model.data.ColumnBlock;
import io.ltvcascade.model.data.ColumnRole;
import io.ltvcascade.model.data.ColumnSpec;
import io.ltvcascade.model.data.CsvRows;
import io.ltvcascade.model.data.DataProblem;
import io.ltvcascade.model.data.DataValidationException;
import io.ltvcascade.model.data.Numbers;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.data.TableSchema;
import io.ltvcascade.model.data.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows to score, read against a fitted pipeline: only the id and the model's feature columns are kept; a feature
 * column the rows lack is missing for every row (imputed as in training); extra columns are ignored.
 */
public final class PredictionInput {

    private PredictionInput() {}

    public static Table readCsv(Path csv, String idColumn, FeaturePipeline pipeline) {
        try (InputStream in = Files.newInputStream(csv); CsvRows rows = CsvRows.open(in)) {
            List<String> header = rows.header();
            int id = header.indexOf(idColumn);
            if (id < 0) {
                throw DataValidationException.at(DataProblem.BAD_HEADER, 1, idColumn, "no id column '" + idColumn + "'");
            }
            TableSchema schema = schema(idColumn, pipeline);
            List<String[]> ids = new ArrayList<>();
            List<Object[]> values = new ArrayList<>();
            while (rows.next()) {
                ids.add(new String[] {rows.get(id)});
                values.add(readRow(rows, header, pipeline));
            }
            return toTable(schema, ids, values, pipeline);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    /** The schema of a prediction table: the id, then numeric, then categorical feature columns. */
    public static TableSchema schema(String idColumn, FeaturePipeline pipeline) {
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(new ColumnSpec(idColumn, ColumnRole.ID, ValueType.TEXT));
        pipeline.numeric().forEach(n -> columns.add(new ColumnSpec(n.column(), ColumnRole.NUMERIC, ValueType.NUMBER)));
        pipeline.categorical().forEach(c -> columns.add(new ColumnSpec(c.column(), ColumnRole.CATEGORICAL, ValueType.TEXT)));
        return new TableSchema(columns);
    }

    private static Object[] readRow(CsvRows rows, List<String> header, FeaturePipeline pipeline) {
        Object[] row = new Object[pipeline.numeric().size() + pipeline.categorical().size()];
        int at = 0;
        for (NumericEncoder n : pipeline.numeric()) {
            int column = header.indexOf(n.column());
            String cell = column < 0 ? "" : rows.get(column);
            Double value = cell.isEmpty() ? Double.valueOf(Double.NaN) : Numbers.parse(cell);
            if (value == null) {
                throw DataValidationException.at(DataProblem.NOT_NUMERIC, rows.line(), n.column(),
                        "column '" + n.column() + "' is numeric but has '" + cell + "'");
            }
            row[at++] = value;
        }
        for (CategoricalEncoder c : pipeline.categorical()) {
            int column = header.indexOf(c.column());
            String cell = column < 0 ? "" : rows.get(column);
            row[at++] = cell.isEmpty() ? null : cell;
        }
        return row;
    }

    private static Table toTable(TableSchema schema, List<String[]> ids, List<Object[]> values, FeaturePipeline p) {
        int n = ids.size();
        Object[] columns = new Object[schema.size()];
        String[] idColumn = new String[n];
        for (int r = 0; r < n; r++) {
            idColumn[r] = ids.get(r)[0];
        }
        columns[0] = idColumn;
        int numeric = p.numeric().size();
        for (int c = 0; c < numeric + p.categorical().size(); c++) {
            if (c < numeric) {
                double[] col = new double[n];
                for (int r = 0; r < n; r++) {
                    col[r] = (Double) values.get(r)[c];
                }
                columns[c + 1] = col;
            } else {
                String[] col = new String[n];
                for (int r = 0; r < n; r++) {
                    col[r] = (String) values.get(r)[c];
                }
                columns[c + 1] = col;
            }
        }
        return Table.fromBlocks(schema, List.of(ColumnBlock.of(schema, columns, n)));
    }
}

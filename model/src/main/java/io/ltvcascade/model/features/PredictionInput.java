package io.ltvcascade.model.features;

import io.ltvcascade.model.data.CsvRows;
import io.ltvcascade.model.data.DataProblem;
import io.ltvcascade.model.data.DataValidationException;
import io.ltvcascade.model.data.Numbers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows to score read from CSV against a fitted pipeline: only the id and the model's feature columns are kept; a
 * feature column the rows lack is missing for every row (imputed as in training); extra columns are ignored and
 * listed.
 */
public final class PredictionInput {

    private PredictionInput() {}

    public static PredictionRows readCsv(Path csv, String idColumn, FeaturePipeline pipeline) {
        try (InputStream in = Files.newInputStream(csv)) {
            return readCsv(in, idColumn, pipeline);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    /** Reads a whole CSV stream; a non-numeric cell in a numeric feature fails with its line and column. */
    public static PredictionRows readCsv(InputStream in, String idColumn, FeaturePipeline pipeline) {
        try (CsvRows rows = CsvRows.open(in)) {
            List<String> header = rows.header();
            int id = header.indexOf(idColumn);
            if (id < 0) {
                throw DataValidationException.at(DataProblem.BAD_HEADER, 1, idColumn, "no id column '" + idColumn + "'");
            }
            PredictionTableBuilder builder = new PredictionTableBuilder(idColumn, pipeline);
            List<String> ignored = new ArrayList<>();
            for (String column : header) {
                if (!column.equals(idColumn) && !builder.isNumeric(column) && !builder.isCategorical(column)) {
                    ignored.add(column);
                }
            }
            while (rows.next()) {
                readRow(rows, header, builder);
            }
            return new PredictionRows(builder.build(), List.copyOf(ignored));
        }
    }

    private static void readRow(CsvRows rows, List<String> header, PredictionTableBuilder builder) {
        builder.startRow(rows.get(header.indexOf(builder.idColumn())));
        for (int c = 0; c < header.size(); c++) {
            String column = header.get(c);
            String cell = rows.get(c);
            if (cell.isEmpty()) {
                continue;
            }
            if (builder.isNumeric(column)) {
                Double value = Numbers.parse(cell);
                if (value == null) {
                    throw DataValidationException.at(DataProblem.NOT_NUMERIC, rows.line(), column,
                            "column '" + column + "' is numeric but has '" + cell + "'");
                }
                builder.setNumber(column, value);
            } else if (builder.isCategorical(column)) {
                builder.setText(column, cell);
            }
        }
    }
}

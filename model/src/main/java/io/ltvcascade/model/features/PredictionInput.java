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
        return readCsv(in, new PredictionLayout(idColumn, pipeline));
    }

    /** As {@link #readCsv(InputStream, String, FeaturePipeline)}, with the model's layout worked out already. */
    public static PredictionRows readCsv(InputStream in, PredictionLayout layout) {
        String idColumn = layout.idColumn();
        try (CsvRows rows = CsvRows.open(in)) {
            List<String> header = rows.header();
            int id = header.indexOf(idColumn);
            if (id < 0) {
                throw DataValidationException.at(DataProblem.BAD_HEADER, 1, idColumn, "no id column '" + idColumn + "'");
            }
            PredictionTableBuilder builder = new PredictionTableBuilder(layout);
            int[] slots = header.stream().mapToInt(builder::slotOf).toArray();
            List<String> ignored = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                if (slots[c] == PredictionLayout.IGNORED) {
                    ignored.add(header.get(c));
                }
            }
            while (rows.next()) {
                readRow(rows, header, slots, id, builder);
            }
            return new PredictionRows(builder.build(), List.copyOf(ignored));
        }
    }

    private static void readRow(CsvRows rows, List<String> header, int[] slots, int id,
            PredictionTableBuilder builder) {
        builder.startRow();
        builder.setId(rows.get(id));
        for (int c = 0; c < slots.length; c++) {
            String cell = rows.get(c);
            if (cell.isEmpty() || slots[c] < 0) {
                continue;
            }
            if (builder.isNumeric(slots[c])) {
                Double value = Numbers.parse(cell);
                if (value == null) {
                    throw DataValidationException.at(DataProblem.NOT_NUMERIC, rows.line(), header.get(c),
                            "column '" + header.get(c) + "' is numeric but has '" + cell + "'");
                }
                builder.setNumber(slots[c], value);
            } else {
                builder.setText(slots[c], cell);
            }
        }
    }
}

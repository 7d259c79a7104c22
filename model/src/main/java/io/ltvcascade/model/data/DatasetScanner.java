package io.ltvcascade.model.data;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * First pass over an uploaded CSV: checks the header, every id and label, and the shape of every row, and
 * collects what schema inference needs. Fails at the first problem, naming its line and column.
 */
public final class DatasetScanner {

    /** Rows between two progress reports. */
    public static final long PROGRESS_EVERY = 100_000;

    private final UploadSpec spec;
    private final LongConsumer progress;

    public DatasetScanner(UploadSpec spec, LongConsumer progress) {
        this.spec = spec;
        this.progress = progress;
    }

    public ScanResult scan(InputStream csv) {
        try (CsvRows rows = CsvRows.open(csv)) {
            List<String> header = rows.header();
            checkHeader(header);
            int idIndex = header.indexOf(spec.idColumn());
            int labelIndex = header.indexOf(spec.labelColumn());
            List<ColumnScan> columns = new ArrayList<>();
            header.forEach(name -> columns.add(new ColumnScan(name, spec.maxCategories())));
            Set<String> ids = new HashSet<>();
            LabelBuffer labels = new LabelBuffer();
            long count = 0;
            while (rows.next()) {
                checkId(rows.get(idIndex), rows.line(), ids);
                labels.add(label(rows.get(labelIndex), rows.line()));
                for (int i = 0; i < columns.size(); i++) {
                    columns.get(i).accept(rows.get(i), rows.line());
                }
                if (++count % PROGRESS_EVERY == 0) {
                    progress.accept(count);
                }
            }
            if (count == 0) {
                throw new DataValidationException(DataProblem.EMPTY_FILE, 2L, null, "the file has a header but no data rows");
            }
            return new ScanResult(header, columns, count, labels.toArray());
        }
    }

    private void checkHeader(List<String> header) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                throw DataValidationException.at(DataProblem.BAD_HEADER, 1, null, "header field " + (i + 1) + " is blank");
            }
            if (!seen.add(name)) {
                throw DataValidationException.at(DataProblem.BAD_HEADER, 1, name, "column '" + name + "' appears twice in the header");
            }
        }
        requireInHeader(header, spec.idColumn(), "id column");
        requireInHeader(header, spec.labelColumn(), "label column");
        if (spec.idColumn().equals(spec.labelColumn())) {
            throw DataValidationException.at(DataProblem.UNKNOWN_COLUMN, 1, spec.idColumn(), "the id and label columns must differ");
        }
        for (String named : spec.roles().keySet()) {
            if (!header.contains(named)) {
                throw DataValidationException.at(DataProblem.UNKNOWN_COLUMN, 1, named,
                        "a role is given for column '" + named + "', which is not in the header " + header);
            }
        }
    }

    private static void requireInHeader(List<String> header, String column, String what) {
        if (!header.contains(column)) {
            throw DataValidationException.at(DataProblem.BAD_HEADER, 1, column,
                    "the " + what + " '" + column + "' is not in the header " + header);
        }
    }

    private void checkId(String id, long line, Set<String> ids) {
        if (id.isEmpty()) {
            throw DataValidationException.at(DataProblem.BAD_ID, line, spec.idColumn(), "the customer id is empty");
        }
        if (!ids.add(id)) {
            throw DataValidationException.at(DataProblem.BAD_ID, line, spec.idColumn(), "customer id '" + id + "' appears twice");
        }
    }

    private double label(String cell, long line) {
        Double value = cell.isEmpty() ? null : Numbers.parse(cell);
        if (value == null) {
            String why = cell.isEmpty() ? "is missing" : "'" + cell + "' is not a finite number";
            throw DataValidationException.at(DataProblem.BAD_LABEL, line, spec.labelColumn(), "the label " + why);
        }
        if (value < 0) {
            throw DataValidationException.at(DataProblem.BAD_LABEL, line, spec.labelColumn(),
                    "the label " + cell + " is negative; customer value must be zero or more");
        }
        return value;
    }

    /** A growable array of labels without boxing. */
    private static final class LabelBuffer {
        private double[] values = new double[1024];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}

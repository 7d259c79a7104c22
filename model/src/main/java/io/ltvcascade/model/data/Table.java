package io.ltvcascade.model.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A whole dataset in memory, column by column, as training and evaluation read it. */
public final class Table {

    private final TableSchema schema;
    private final Object[] columns;
    private final int rows;

    private Table(TableSchema schema, Object[] columns, int rows) {
        this.schema = schema;
        this.columns = columns;
        this.rows = rows;
    }

    /** Validates and reads a CSV exactly as an upload would (same roles, same errors). */
    public static Table readCsv(Path csv, UploadSpec spec) {
        try (InputStream scanIn = Files.newInputStream(csv); InputStream writeIn = Files.newInputStream(csv)) {
            TableSchema schema = SchemaResolver.resolve(spec, new DatasetScanner(spec, n -> {}).scan(scanIn));
            List<ColumnBlock> blocks = new ArrayList<>();
            new BlockWriter(schema, BlockWriter.DEFAULT_BLOCK_ROWS).write(writeIn, blocks::add);
            return fromBlocks(schema, blocks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    /** A table over existing column arrays ({@code double[]} or {@code String[]} in schema order, {@code rows} long). */
    public static Table of(TableSchema schema, Object[] columns, int rows) {
        if (columns.length != schema.size()) {
            throw new IllegalArgumentException(columns.length + " columns for a schema of " + schema.size());
        }
        return new Table(schema, columns, rows);
    }

    /** Concatenates stored blocks (in order) into one table. */
    public static Table fromBlocks(TableSchema schema, List<ColumnBlock> blocks) {
        int rows = blocks.stream().mapToInt(ColumnBlock::rowCount).sum();
        Object[] columns = new Object[schema.size()];
        for (int c = 0; c < schema.size(); c++) {
            boolean numeric = schema.column(c).type() == ValueType.NUMBER;
            columns[c] = numeric ? new double[rows] : new String[rows];
            int at = 0;
            for (ColumnBlock block : blocks) {
                Object source = numeric ? block.numbers(c) : block.texts(c);
                System.arraycopy(source, 0, columns[c], at, block.rowCount());
                at += block.rowCount();
            }
        }
        return new Table(schema, columns, rows);
    }

    public TableSchema schema() {
        return schema;
    }

    public int rows() {
        return rows;
    }

    public double[] numbers(String column) {
        return (double[]) columns[indexOf(column)];
    }

    public String[] texts(String column) {
        return (String[]) columns[indexOf(column)];
    }

    public boolean has(String column) {
        return schema.indexOf(column) >= 0;
    }

    public double[] labels() {
        return (double[]) columns[schema.labelIndex()];
    }

    public String[] ids() {
        return (String[]) columns[schema.idIndex()];
    }

    /** The rows at {@code indexes}, in that order. */
    public Table select(int[] indexes) {
        Object[] picked = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] instanceof double[] values) {
                double[] out = new double[indexes.length];
                for (int i = 0; i < indexes.length; i++) {
                    out[i] = values[indexes[i]];
                }
                picked[c] = out;
            } else {
                String[] values = (String[]) columns[c];
                String[] out = new String[indexes.length];
                for (int i = 0; i < indexes.length; i++) {
                    out[i] = values[indexes[i]];
                }
                picked[c] = out;
            }
        }
        return new Table(schema, picked, indexes.length);
    }

    private int indexOf(String column) {
        int i = schema.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + column + "' in " + schema.columns());
        }
        return i;
    }
}

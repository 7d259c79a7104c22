package io.ltvcascade.model.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
        return fromBlocks(schema, blocks, 0, blocks.stream().mapToInt(ColumnBlock::rowCount).sum());
    }

    /** Rows {@code skip} to {@code skip + rows} (exclusive) of the stored blocks concatenated in order. */
    public static Table fromBlocks(TableSchema schema, List<ColumnBlock> blocks, int skip, int rows) {
        int available = blocks.stream().mapToInt(ColumnBlock::rowCount).sum();
        if (skip < 0 || rows < 0 || skip + rows > available) {
            throw new IllegalArgumentException("rows " + skip + " to " + (skip + rows) + " of blocks holding "
                    + available);
        }
        Object[] columns = new Object[schema.size()];
        for (int c = 0; c < schema.size(); c++) {
            boolean numeric = schema.column(c).type() == ValueType.NUMBER;
            columns[c] = numeric ? new double[rows] : new String[rows];
            int at = 0;
            int skipLeft = skip;
            for (ColumnBlock block : blocks) {
                int start = Math.min(skipLeft, block.rowCount());
                int take = Math.min(block.rowCount() - start, rows - at);
                System.arraycopy(numeric ? block.numbers(c) : block.texts(c), start, columns[c], at, take);
                skipLeft -= start;
                at += take;
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

    /** The table's rows as one column block (sharing the table's arrays), as an upload would store them. */
    public ColumnBlock asBlock() {
        return ColumnBlock.of(schema, columns.clone(), rows);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public Table range(int from, int to) {
        Object[] picked = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            picked[c] = columns[c] instanceof double[] values ? Arrays.copyOfRange(values, from, to)
                    : Arrays.copyOfRange((String[]) columns[c], from, to);
        }
        return new Table(schema, picked, to - from);
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

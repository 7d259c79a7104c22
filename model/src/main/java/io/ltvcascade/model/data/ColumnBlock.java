package io.ltvcascade.model.data;

/**
 * A run of consecutive rows held column by column: {@code double[]} for number columns (NaN = missing) and
 * {@code String[]} for text columns (null = missing), in schema order.
 */
public final class ColumnBlock {

    private final TableSchema schema;
    private final Object[] columns;
    private int rowCount;

    public ColumnBlock(TableSchema schema, int capacity) {
        this.schema = schema;
        this.columns = new Object[schema.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = schema.column(i).type() == ValueType.NUMBER ? new double[capacity] : new String[capacity];
        }
    }

    /** A block over existing column arrays ({@code double[]} or {@code String[]} in schema order). */
    public static ColumnBlock of(TableSchema schema, Object[] columns, int rowCount) {
        return new ColumnBlock(schema, columns, rowCount);
    }

    ColumnBlock(TableSchema schema, Object[] columns, int rowCount) {
        this.schema = schema;
        this.columns = columns;
        this.rowCount = rowCount;
    }

    public TableSchema schema() {
        return schema;
    }

    public int rowCount() {
        return rowCount;
    }

    public int capacity() {
        return columns.length == 0 ? 0 : java.lang.reflect.Array.getLength(columns[0]);
    }

    public boolean isFull() {
        return rowCount == capacity();
    }

    public double[] numbers(int column) {
        return (double[]) columns[column];
    }

    public String[] texts(int column) {
        return (String[]) columns[column];
    }

    /** Appends one row of trimmed CSV cells; empty cells become missing values. */
    void appendCells(CsvRows row) {
        for (int i = 0; i < columns.length; i++) {
            String cell = row.get(i);
            if (columns[i] instanceof double[] numbers) {
                numbers[rowCount] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            } else {
                ((String[]) columns[i])[rowCount] = cell.isEmpty() ? null : cell;
            }
        }
        rowCount++;
    }

    /** The value of a cell as CSV text ("" when missing). */
    public String cellText(int row, int column) {
        if (columns[column] instanceof double[] numbers) {
            double v = numbers[row];
            return Double.isNaN(v) ? "" : formatNumber(v);
        }
        String s = ((String[]) columns[column])[row];
        return s == null ? "" : s;
    }

    private static String formatNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

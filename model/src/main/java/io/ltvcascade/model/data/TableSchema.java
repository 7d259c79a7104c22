package io.ltvcascade.model.data;

import java.util.List;

/** The ordered columns of a dataset, exactly one of them the id and one the label. */
public record TableSchema(List<ColumnSpec> columns) {

    public TableSchema {
        columns = List.copyOf(columns);
        requireSingle(columns, ColumnRole.ID);
        requireSingle(columns, ColumnRole.LABEL);
    }

    public ColumnSpec column(int index) {
        return columns.get(index);
    }

    public int size() {
        return columns.size();
    }

    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public int idIndex() {
        return indexOfRole(ColumnRole.ID);
    }

    public int labelIndex() {
        return indexOfRole(ColumnRole.LABEL);
    }

    public List<ColumnSpec> withRole(ColumnRole role) {
        return columns.stream().filter(c -> c.role() == role).toList();
    }

    private int indexOfRole(ColumnRole role) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).role() == role) {
                return i;
            }
        }
        throw new IllegalStateException("no " + role + " column");
    }

    private static void requireSingle(List<ColumnSpec> columns, ColumnRole role) {
        long n = columns.stream().filter(c -> c.role() == role).count();
        if (n != 1) {
            throw new IllegalArgumentException("a schema needs exactly one " + role.wireName() + " column, found " + n);
        }
    }
}

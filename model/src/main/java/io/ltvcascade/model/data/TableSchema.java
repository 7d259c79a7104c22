package io.ltvcascade.model.data;

import java.util.List;

/**
 * The ordered columns of a dataset: exactly one id, and one label (training data) or none (rows to predict).
 */
public record TableSchema(List<ColumnSpec> columns) {

    public TableSchema {
        columns = List.copyOf(columns);
        requireCount(columns, ColumnRole.ID, 1, 1);
        requireCount(columns, ColumnRole.LABEL, 0, 1);
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

    public boolean hasLabel() {
        return columns.stream().anyMatch(c -> c.role() == ColumnRole.LABEL);
    }

    private static void requireCount(List<ColumnSpec> columns, ColumnRole role, int min, int max) {
        long n = columns.stream().filter(c -> c.role() == role).count();
        if (n < min || n > max) {
            throw new IllegalArgumentException("a schema needs " + (min == max ? "exactly " + min : min + " to " + max)
                    + " " + role.wireName() + " column(s), found " + n);
        }
    }
}

package io.ltvcascade.model.data;

/** One column of a dataset: its header name, its role and how its values are stored. */
public record ColumnSpec(String name, ColumnRole role, ValueType type) {}

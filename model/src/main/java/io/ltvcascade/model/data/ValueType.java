package io.ltvcascade.model.data;

/** How a column's values are stored: as doubles (NaN = missing) or as strings (null = missing). */
public enum ValueType {
    NUMBER,
    TEXT
}

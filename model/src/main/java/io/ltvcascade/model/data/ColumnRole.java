package io.ltvcascade.model.data;

import java.util.Locale;

/** What a dataset column is used for by training and prediction. */
public enum ColumnRole {
    ID,
    LABEL,
    NUMERIC,
    CATEGORICAL,
    IGNORED;

    /** Parses a role name case-insensitively; {@code null} when the name is not a role. */
    public static ColumnRole parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

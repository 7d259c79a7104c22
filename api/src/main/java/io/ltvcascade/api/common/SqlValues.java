package io.ltvcascade.api.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Conversions of values read by native SQL queries. */
public final class SqlValues {

    private SqlValues() {}

    /** A timestamptz column as an Instant; its JDBC type differs between driver and Hibernate versions. */
    public static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}

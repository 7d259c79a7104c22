package io.ltvcascade.api.common;

/** Cursor pagination parameters: at most {@code limit} rows with ids below {@code beforeId}. */
public record PageRequest(int limit, long beforeId) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Validates the {@code limit} and {@code cursor} query parameters (both optional). */
    public static PageRequest of(Integer limit, String cursor) {
        int n = limit(limit);
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Cursor.decode(cursor);
        return new PageRequest(n, before);
    }

    /** The {@code limit} query parameter, defaulted and checked (1 to {@link #MAX_LIMIT}). */
    public static int limit(Integer limit) {
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + n, "field", "limit");
        }
        return n;
    }

    /** Rows to fetch: one more than shown, to know whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}

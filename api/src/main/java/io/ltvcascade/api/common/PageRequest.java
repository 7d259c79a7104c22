package io.ltvcascade.api.common;

/** Cursor pagination parameters: at most {@code limit} rows with ids below {@code beforeId}. */
public record PageRequest(int limit, long beforeId) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Validates the {@code limit} and {@code cursor} query parameters (both optional). */
    public static PageRequest of(String limit, String cursor) {
        int n = limit(limit);
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Cursor.decode(cursor);
        return new PageRequest(n, before);
    }

    /**
     * The {@code limit} query parameter, defaulted and checked (a whole number from 1 to {@link #MAX_LIMIT}); taken
     * as text so that {@code limit=abc} gets a 400 naming it rather than JAX-RS's 404 for an unconvertible parameter.
     */
    public static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int n;
        try {
            n = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + limit
                    + "'", "field", "limit");
        }
        return n;
    }

    /** Rows to fetch: one more than shown, to know whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}

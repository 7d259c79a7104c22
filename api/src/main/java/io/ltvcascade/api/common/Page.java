package io.ltvcascade.api.common;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** One page of a list, newest first, with the cursor that fetches the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that another page exists.
     */
    public static <E, T> Page<T> of(List<E> rows, PageRequest request, ToLongFunction<E> id, Function<E, T> toDto) {
        boolean more = rows.size() > request.limit();
        List<E> shown = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? Cursor.encode(id.applyAsLong(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(toDto).toList(), next);
    }
}

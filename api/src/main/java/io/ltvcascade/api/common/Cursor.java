package io.ltvcascade.api.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque list cursors: a position (the last id of a page, or the next row of a result), base64url-encoded so that
 * clients do not build them.
 */
public final class Cursor {

    private static final String PREFIX = "id:";

    private Cursor() {}

    public static String encode(long lastId) {
        byte[] raw = (PREFIX + lastId).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public static long decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException(raw);
            }
            return Long.parseLong(raw.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor '" + cursor + "' is not one this API returned", "field", "cursor");
        }
    }
}

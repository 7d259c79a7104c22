package io.ltvcascade.api.common;

import java.net.URI;

/** The outcome of a create call: where the new resource lives and its representation. */
public record Created(URI location, Object body) {

    public static Created at(String path, Object body) {
        return new Created(URI.create(path), body);
    }
}

package io.ltvcascade.api.common;

/** A response that carries a secret: {@link #redacted()} is the copy that may be stored. */
public interface Redactable {
    Object redacted();
}

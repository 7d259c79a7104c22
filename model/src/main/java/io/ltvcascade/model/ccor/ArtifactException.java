package io.ltvcascade.model.ccor;

/** A model artifact that cannot be loaded: corrupt, truncated, or of another format version. */
public class ArtifactException extends RuntimeException {
    public ArtifactException(String message) {
        super(message);
    }
}

package io.ltvcascade.api.common;

import java.util.Map;

/** Thrown anywhere in the api to answer with a problem+json of the given status, type slug and detail. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.extensions = extensions;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", Map.of());
    }

    /** 404 for a model's alias or version: "alias nope of model ltv does not exist". */
    public static ProblemException notFoundInModel(String what, Object id, String model) {
        return notFound(what, id + " of model " + model);
    }

    public static ProblemException badRequest(String detail, Object... fields) {
        return new ProblemException(400, "bad-request", "Bad request", detail, Problem.fields(fields));
    }

    public static ProblemException unprocessable(String slug, String detail, Object... fields) {
        return new ProblemException(422, slug, "Unprocessable content", detail, Problem.fields(fields));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, Map.of());
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Unauthorized", detail, Map.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, Map.of());
    }

    public static ProblemException tooLarge(String detail, Object... fields) {
        return new ProblemException(413, "too-large", "Content too large", detail, Problem.fields(fields));
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported media type", detail, Map.of());
    }

    public Problem toProblem() {
        return new Problem("/problems/" + slug, title, status, getMessage(), null, extensions);
    }

    public int status() {
        return status;
    }
}

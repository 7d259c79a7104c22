package io.ltvcascade.api.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.ltvcascade.model.data.DataProblem;
import io.ltvcascade.model.data.DataValidationException;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place that turns exceptions into RFC 9457 problem+json responses. */
public class ProblemMapper {

    private final AllowedMethods allowedMethods;

    ProblemMapper(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response invalidData(DataValidationException e, UriInfo uri) {
        int status = switch (e.problem()) {
            case UNKNOWN_COLUMN -> 400;
            case TOO_LARGE -> 413;
            default -> 422;
        };
        String slug = e.problem().name().toLowerCase(Locale.ROOT).replace('_', '-');
        // the CSV reader checks uploads and CSV predict bodies alike
        String title = e.problem() == DataProblem.TOO_LARGE ? "Content too large"
                : uri.getPath().endsWith("/predict") ? "Invalid prediction input" : "Invalid dataset";
        Map<String, Object> where = Problem.fields("line", e.line(), "column", e.column());
        return respond(new Problem("/problems/" + slug, title, status, e.getMessage(), null, where), uri);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        String detail = "the request body is not valid JSON for this call: " + e.getOriginalMessage();
        return respond(ProblemException.badRequest(detail).toProblem(), uri);
    }

    /** Replaces Quarkus's own mapper for this exception, which answers 400 with an empty body. */
    @ServerExceptionMapper
    public Response jsonOfTheWrongShape(MismatchedInputException e, UriInfo uri) {
        return respond(JsonMismatch.problem(e).toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, UriInfo uri) {
        Log.infof("conflicting write on %s: %s", uri.getPath(), e.getConstraintName());
        String detail = "the request conflicts with a concurrent change (" + e.getConstraintName() + "); retry it";
        return respond(ProblemException.conflict(detail).toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) { // the JSON body reader's wrapping of bad syntax
            return badJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String slug = title.toLowerCase(Locale.ROOT).replace(' ', '-');
        // JAX-RS says only "HTTP 404 Not Found" or "HTTP 405 Method Not Allowed": say what was asked for
        String detail = e instanceof NotAllowedException ? request.method() + " is not a method of " + uri.getPath()
                : e instanceof NotFoundException ? "nothing at " + uri.getPath()
                        + (e.getCause() instanceof NumberFormatException ? ": ids in the path are whole numbers" : "")
                : e.getMessage();
        Response problem = respond(new ProblemException(status, slug, title, detail, Map.of()).toProblem(), uri);
        if (e instanceof NotAllowedException) {
            return allowedMethods.of(uri.getPath())
                    .map(allow -> Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build())
                    .orElse(problem);
        }
        return problem;
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpServerRequest request) {
        if (e instanceof IOException && fromMultipartParser(e)) { // before any resource runs: the body's fault
            return respond(ProblemException.badRequest("the multipart body could not be read: " + e.getMessage())
                    .toProblem(), uri);
        }
        if (request.response().closed()) {
            // the client hung up while its answer was being written (a timeout, a load generator stopping): routine,
            // and nobody is left to read a problem
            Log.debugf("the client of %s %s closed the connection before its answer was written: %s",
                    request.method(), uri.getPath(), e);
        } else {
            Log.errorf(e, "unexpected error on %s", uri.getPath());
        }
        ProblemException internal = new ProblemException(500, "internal-error", "Internal server error",
                "the server failed to handle this request; the cause is in the server log", Map.of());
        return respond(internal.toProblem(), uri);
    }

    private static boolean fromMultipartParser(Exception e) {
        StackTraceElement[] stack = e.getStackTrace();
        return stack.length > 0
                && stack[0].getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.");
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getPath()))
                .build();
    }
}

package io.ltvcascade.api.serving;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads a predict request's body into memory on the I/O thread before the endpoint runs, so that the endpoint's worker
 * thread finds it there. Otherwise Quarkus REST hands a blocking endpoint a stream that the worker fills by waiting
 * for the I/O thread, piece by piece: for a single customer that hand-off cost more CPU than reading its JSON. Only
 * bodies that declare a length of at most {@link #MAX_BUFFERED_BYTES} are buffered: this happens before the API key
 * is checked, so the bound is what a caller without a valid key can make the server hold per request. Other bodies
 * reach the endpoint as a stream, read after authentication, which refuses oversized ones with a problem response.
 */
@ApplicationScoped
public class PredictionBodyBuffer {

    static final String PREDICT_PATHS = "/api/v1/models/[^/]+/((aliases|versions)/[^/]+/)?predict";
    /** 1 MiB: about 1,600 CDNOW customers as JSON (the serving benchmark's 1,000-customer body is 651 KB). */
    static final long MAX_BUFFERED_BYTES = 1 << 20;

    void install(@Observes Router router) {
        router.routeWithRegex(HttpMethod.POST, PREDICT_PATHS).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(this::buffer);
    }

    private void buffer(RoutingContext context) {
        long length = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length < 0 || length > MAX_BUFFERED_BYTES) {
            context.next();
            return;
        }
        context.request().body().onComplete(read -> {
            if (read.succeeded()) {
                context.setBody(read.result());
                context.next();
            } else {
                context.fail(read.cause());
            }
        });
        // Quarkus holds each request paused until a handler asks for its data; body() alone does not resume it
        context.request().resume();
    }

    private static long declaredLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

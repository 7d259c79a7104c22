package io.ltvcascade.api.serving;

import io.ltvcascade.api.auth.RequiresScope;
import io.ltvcascade.api.auth.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Online scoring of one customer or a list: through the {@code champion} alias, any alias, or a pinned version.
 * The body is a JSON object or array keyed by the dataset's column names, or a CSV with a header.
 */
@Path("/api/v1/models")
@RequiresScope(Scope.PREDICT)
@Consumes({MediaType.APPLICATION_JSON, "text/csv"})
@Produces(MediaType.APPLICATION_JSON)
public class PredictionResource {

    private static final String CHAMPION = "champion";

    private final PredictionService predictions;

    public PredictionResource(PredictionService predictions) {
        this.predictions = predictions;
    }

    @POST
    @Path("/{name}/predict")
    @Operation(summary = "Score customers with the version the model's champion alias points at")
    public PredictionResponse champion(@PathParam("name") String model,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return predictions.byAlias(model, CHAMPION, contentType, body);
    }

    @POST
    @Path("/{name}/aliases/{alias}/predict")
    @Operation(summary = "Score customers with the version an alias points at")
    public PredictionResponse alias(@PathParam("name") String model, @PathParam("alias") String alias,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return predictions.byAlias(model, alias, contentType, body);
    }

    @POST
    @Path("/{name}/versions/{version}/predict")
    @Operation(summary = "Score customers with a pinned model version")
    public PredictionResponse version(@PathParam("name") String model, @PathParam("version") int version,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return predictions.byVersion(model, version, contentType, body);
    }
}

package io.ltvcascade.api.dataset;

import io.ltvcascade.api.auth.Caller;
import io.ltvcascade.api.auth.RequiresScope;
import io.ltvcascade.api.auth.Scope;
import io.ltvcascade.api.common.Created;
import io.ltvcascade.api.common.Idempotency;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.model.data.DataProblem;
import io.ltvcascade.model.data.DataValidationException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Tenant datasets: streamed CSV upload (plain or gzip, raw body or multipart), list, get, rows, delete. */
@Path("/api/v1/datasets")
@RequiresScope(Scope.READ)
public class DatasetResource {

    private static final String UPLOAD_LINE = "POST /api/v1/datasets";

    private final DatasetService datasets;
    private final DatasetCsvExport export;
    private final DatasetConfig config;
    private final Idempotency idempotency;
    private final Caller caller;

    public DatasetResource(DatasetService datasets, DatasetCsvExport export, DatasetConfig config, Idempotency idempotency,
            Caller caller) {
        this.datasets = datasets;
        this.export = export;
        this.config = config;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes({"text/csv", "application/gzip", "application/x-gzip"})
    @RequiresScope(Scope.TRAIN)
    @Operation(summary = "Upload a CSV body (gzip detected); query: name, id_column, label_column, ignore, numeric, categorical")
    public Response upload(@BeanParam UploadQuery query, @HeaderParam("Content-Length") Long length,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, InputStream body) {
        rejectDeclaredOversize(length);
        return idempotency.replay(idempotencyKey, UPLOAD_LINE)
                .orElseGet(() -> store(idempotencyKey, query.toRequest(), body));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RequiresScope(Scope.TRAIN)
    @Operation(summary = "Upload a CSV as the multipart part 'file', with the same parameters as form fields")
    public Response uploadMultipart(@BeanParam UploadForm form, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        if (form.file == null) {
            throw ProblemException.badRequest("the multipart body needs a part named 'file' holding the CSV", "field", "file");
        }
        return idempotency.replay(idempotencyKey, UPLOAD_LINE).orElseGet(() -> {
            try (InputStream body = Files.newInputStream(form.file.uploadedFile())) {
                return store(idempotencyKey, form.toRequest(), body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @GET
    @Operation(summary = "List dataset versions, newest first; filter by name")
    public Page<DatasetResponse> list(@QueryParam("name") String name, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return datasets.list(name, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a dataset version: schema, row count, label statistics")
    public DatasetResponse get(@PathParam("id") long id) {
        return datasets.get(id);
    }

    @GET
    @Path("/{id}/rows")
    @Produces("text/csv")
    @Operation(summary = "Download the stored rows as CSV")
    public Response rows(@PathParam("id") long id) {
        Dataset dataset = datasets.find(id);
        return Response.ok(export.stream(caller.tenantId(), dataset.id, datasets.schemaOf(dataset))).build();
    }

    @DELETE
    @Path("/{id}")
    @RequiresScope(Scope.TRAIN)
    @Operation(summary = "Delete a dataset version (409 while a training job uses it)")
    public Response delete(@PathParam("id") long id) {
        datasets.delete(id);
        return Response.noContent().build();
    }

    private Response store(String idempotencyKey, UploadDatasetRequest request, InputStream body) {
        try (DatasetService.PreparedUpload upload = datasets.prepare(request, body)) {
            return idempotency.create(idempotencyKey, UPLOAD_LINE, () -> {
                DatasetResponse stored = datasets.store(upload);
                return Created.at("/api/v1/datasets/" + stored.id(), stored);
            });
        }
    }

    private void rejectDeclaredOversize(Long length) {
        if (length != null && length > config.maxUploadBytes()) {
            throw new DataValidationException(DataProblem.TOO_LARGE,
                    null, null, "the body of " + length + " bytes is larger than the limit of " + config.maxUploadBytes());
        }
    }

    /** Upload parameters as query parameters (raw CSV body). */
    public static class UploadQuery {
        @QueryParam("name") String name;
        @QueryParam("id_column") String idColumn;
        @QueryParam("label_column") String labelColumn;
        @QueryParam("ignore") String ignore;
        @QueryParam("numeric") String numeric;
        @QueryParam("categorical") String categorical;

        UploadDatasetRequest toRequest() {
            return new UploadDatasetRequest(name, idColumn, labelColumn, ignore, numeric, categorical);
        }
    }

    /** Upload parameters as multipart form fields beside the 'file' part. */
    public static class UploadForm {
        @RestForm("file") FileUpload file;
        @RestForm("name") String name;
        @RestForm("id_column") String idColumn;
        @RestForm("label_column") String labelColumn;
        @RestForm("ignore") String ignore;
        @RestForm("numeric") String numeric;
        @RestForm("categorical") String categorical;

        UploadDatasetRequest toRequest() {
            return new UploadDatasetRequest(name, idColumn, labelColumn, ignore, numeric, categorical);
        }
    }
}

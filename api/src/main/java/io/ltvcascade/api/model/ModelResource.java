package io.ltvcascade.api.model;

import io.ltvcascade.api.auth.RequiresScope;
import io.ltvcascade.api.auth.Scope;
import io.ltvcascade.api.common.Created;
import io.ltvcascade.api.common.Idempotency;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import io.ltvcascade.api.job.StartTrainingRequest;
import io.ltvcascade.api.job.TrainingJobResponse;
import io.ltvcascade.api.job.TrainingJobService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A tenant's models: create with a validated training configuration, list, get by name, start training. */
@Path("/api/v1/models")
@RequiresScope(Scope.READ)
public class ModelResource {

    private final ModelService models;
    private final TrainingJobService jobs;
    private final Idempotency idempotency;

    public ModelResource(ModelService models, TrainingJobService jobs, Idempotency idempotency) {
        this.models = models;
        this.jobs = jobs;
        this.idempotency = idempotency;
    }

    @POST
    @RequiresScope(Scope.TRAIN)
    @Operation(summary = "Create a model: name, model_type (ccor, ziln, mse_log, two_stage) and config")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, CreateModelRequest request) {
        return idempotency.create(idempotencyKey, "POST /api/v1/models", () -> {
            ModelResponse model = models.create(request);
            return Created.at("/api/v1/models/" + model.name(), model);
        });
    }

    @POST
    @Path("/{name}/training-jobs")
    @RequiresScope(Scope.TRAIN)
    @Operation(summary = "Queue a training job for the model on a dataset version (split by fold column or shares)")
    public Response start(@PathParam("name") String model, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            StartTrainingRequest request) {
        return idempotency.create(idempotencyKey, "POST /api/v1/models/" + model + "/training-jobs", () -> {
            TrainingJobResponse job = jobs.start(model, request);
            return Created.at("/api/v1/training-jobs/" + job.id(), job);
        });
    }

    @GET
    @Operation(summary = "List models, newest first")
    public Page<ModelResponse> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return models.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Get a model by name")
    public ModelResponse get(@PathParam("name") String name) {
        return models.get(name);
    }
}

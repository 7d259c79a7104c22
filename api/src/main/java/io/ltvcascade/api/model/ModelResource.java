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
import io.ltvcascade.api.scoring.ScoringJobResponse;
import io.ltvcascade.api.scoring.ScoringJobService;
import io.ltvcascade.api.scoring.StartScoringRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A tenant's models: create with a validated training configuration, list, get by name, start training or scoring. */
@Path("/api/v1/models")
@RequiresScope(Scope.READ)
public class ModelResource {

    private final ModelService models;
    private final ModelVersionService versions;
    private final ModelAliasService aliases;
    private final TrainingJobService jobs;
    private final ScoringJobService scoringJobs;
    private final Idempotency idempotency;

    public ModelResource(ModelService models, ModelVersionService versions, ModelAliasService aliases,
            TrainingJobService jobs, ScoringJobService scoringJobs, Idempotency idempotency) {
        this.models = models;
        this.versions = versions;
        this.aliases = aliases;
        this.jobs = jobs;
        this.scoringJobs = scoringJobs;
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

    @POST
    @Path("/{name}/scoring-jobs")
    @RequiresScope(Scope.PREDICT)
    @Operation(summary = "Queue a scoring job: a dataset version scored with a pinned version or an alias (champion)")
    public Response score(@PathParam("name") String model, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            StartScoringRequest request) {
        return idempotency.create(idempotencyKey, "POST /api/v1/models/" + model + "/scoring-jobs", () -> {
            ScoringJobResponse job = scoringJobs.start(model, request);
            return Created.at("/api/v1/scoring-jobs/" + job.id(), job);
        });
    }

    @GET
    @Operation(summary = "List models, newest first")
    public Page<ModelResponse> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return models.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Get a model by name")
    public ModelResponse get(@PathParam("name") String name) {
        return models.get(name);
    }

    @GET
    @Path("/{name}/versions")
    @Operation(summary = "List the model's versions, newest first, each with its quality report and lineage")
    public Page<ModelVersionResponse> versions(@PathParam("name") String name, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return versions.list(name, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{name}/versions/{version}")
    @Operation(summary = "Get one version: quality report, per-epoch history, lineage, config")
    public ModelVersionResponse version(@PathParam("name") String name, @PathParam("version") int version) {
        return versions.get(name, version);
    }

    @GET
    @Path("/{name}/versions/{version}/artifact")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Download a version's artifact, for the library's CLI or offline use")
    public Response artifact(@PathParam("name") String name, @PathParam("version") int version) {
        return Response.ok(versions.artifact(name, version)).header("Content-Disposition",
                "attachment; filename=\"" + name + "-v" + version + ".ltv\"").build();
    }

    @POST
    @Path("/{name}/versions/{version}/archive")
    @RequiresScope(Scope.TRAIN)
    @Operation(summary = "Archive a version (refused while an alias points at it)")
    public Response archive(@PathParam("name") String name, @PathParam("version") int version) {
        aliases.archive(name, version);
        return Response.noContent().build();
    }

    @GET
    @Path("/{name}/aliases")
    @Operation(summary = "List the model's aliases and the versions they point at")
    public List<AliasResponse> aliases(@PathParam("name") String name) {
        return aliases.list(name);
    }

    @PUT
    @Path("/{name}/aliases/{alias}")
    @RequiresScope(Scope.TRAIN)
    @Operation(summary = "Point an alias (champion, challenger, any name) at a version; a rollback moves it back")
    public List<AliasResponse> setAlias(@PathParam("name") String name, @PathParam("alias") String alias,
            SetAliasRequest request) {
        return aliases.set(name, alias, request);
    }

    @DELETE
    @Path("/{name}/aliases/{alias}")
    @RequiresScope(Scope.TRAIN)
    @Operation(summary = "Remove an alias")
    public Response removeAlias(@PathParam("name") String name, @PathParam("alias") String alias) {
        aliases.remove(name, alias);
        return Response.noContent().build();
    }
}

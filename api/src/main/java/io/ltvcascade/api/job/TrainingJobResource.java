package io.ltvcascade.api.job;

import io.ltvcascade.api.auth.RequiresScope;
import io.ltvcascade.api.auth.Scope;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Training jobs: list and follow them, cancel them (they are started from their model). */
@Path("/api/v1/training-jobs")
@RequiresScope(Scope.READ)
public class TrainingJobResource {

    private final TrainingJobService jobs;

    public TrainingJobResource(TrainingJobService jobs) {
        this.jobs = jobs;
    }

    @GET
    @Operation(summary = "List training jobs, newest first; filter by model name")
    public Page<TrainingJobResponse> list(@QueryParam("model") String model, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return jobs.list(model, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a training job: status, attempts, progress, error")
    public TrainingJobResponse get(@PathParam("id") long id) {
        return jobs.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @RequiresScope(Scope.TRAIN)
    @Operation(summary = "Cancel a job: at once while queued; a running job stops at its next batch")
    public TrainingJobResponse cancel(@PathParam("id") long id) {
        return jobs.cancel(id);
    }
}

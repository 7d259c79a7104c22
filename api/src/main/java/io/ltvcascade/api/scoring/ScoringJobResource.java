package io.ltvcascade.api.scoring;

import io.ltvcascade.api.auth.RequiresScope;
import io.ltvcascade.api.auth.Scope;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import io.ltvcascade.model.scoring.ScoredCustomer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Batch scoring jobs (queued under their model): follow one, cancel it, read its results. */
@Path("/api/v1/scoring-jobs")
@RequiresScope({Scope.PREDICT, Scope.READ})
public class ScoringJobResource {

    private final ScoringJobService jobs;
    private final ScoringResults results;

    public ScoringJobResource(ScoringJobService jobs, ScoringResults results) {
        this.jobs = jobs;
        this.results = results;
    }

    @GET
    @Operation(summary = "List scoring jobs, newest first")
    public Page<ScoringJobResponse> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return jobs.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a scoring job: status, progress (rows scored), result links")
    public ScoringJobResponse get(@PathParam("id") long id) {
        return jobs.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @RequiresScope(Scope.PREDICT)
    @Operation(summary = "Cancel a scoring job: at once while queued; a running job stops at its next chunk")
    public ScoringJobResponse cancel(@PathParam("id") long id) {
        return jobs.cancel(id);
    }

    @GET
    @Path("/{id}/results")
    @Operation(summary = "A page of a succeeded job's predictions, in dataset order")
    public Page<ScoredCustomer> page(@PathParam("id") long id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return results.page(jobs.succeeded(id), limit, cursor);
    }

    @GET
    @Path("/{id}/results.csv")
    @Produces("text/csv")
    @Operation(summary = "All of a succeeded job's predictions as one CSV (the library CLI's predict format)")
    public Response csv(@PathParam("id") long id) {
        ScoringJob job = jobs.succeeded(id);
        return Response.ok(results.csv(job))
                .header("Content-Disposition", "attachment; filename=\"scoring-job-" + id + ".csv\"").build();
    }
}

package io.ltvcascade.api.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltvcascade.api.auth.RequiresScope;
import io.ltvcascade.api.auth.Scope;
import io.ltvcascade.api.common.Created;
import io.ltvcascade.api.common.Idempotency;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Retraining schedules: create, list, get, change, pause, resume, delete, and each one's history of fires. */
@Path("/api/v1/schedules")
@RequiresScope(Scope.READ)
public class ScheduleResource {

    private final ScheduleService schedules;
    private final Idempotency idempotency;

    public ScheduleResource(ScheduleService schedules, Idempotency idempotency) {
        this.schedules = schedules;
        this.idempotency = idempotency;
    }

    @POST
    @RequiresScope(Scope.TRAIN)
    @Operation(summary = "Create a retraining schedule for a model: cron, time zone, dataset, config override, promotion policy")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, ScheduleRequest request) {
        return idempotency.create(idempotencyKey, "POST /api/v1/schedules", () -> {
            ScheduleResponse schedule = schedules.create(request);
            return Created.at("/api/v1/schedules/" + schedule.id(), schedule);
        });
    }

    @GET
    @Operation(summary = "List retraining schedules, newest first; filter by model name")
    public Page<ScheduleResponse> list(@QueryParam("model") String model, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return schedules.list(model, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a retraining schedule with its next fire time")
    public ScheduleResponse get(@PathParam("id") long id) {
        return schedules.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RequiresScope(Scope.TRAIN)
    @Operation(summary = "Change a schedule with a JSON merge patch (e.g. {\"cron\": \"0 0 4 * * ?\"}); takes effect without a restart")
    public ScheduleResponse update(@PathParam("id") long id, JsonNode patch) {
        return schedules.update(id, patch);
    }

    @POST
    @Path("/{id}/pause")
    @RequiresScope(Scope.TRAIN)
    @Operation(summary = "Pause a schedule: no fires until it is resumed (fires missed meanwhile are not made up)")
    public ScheduleResponse pause(@PathParam("id") long id) {
        return schedules.setEnabled(id, false);
    }

    @POST
    @Path("/{id}/resume")
    @RequiresScope(Scope.TRAIN)
    @Operation(summary = "Resume a paused schedule from its next fire time")
    public ScheduleResponse resume(@PathParam("id") long id) {
        return schedules.setEnabled(id, true);
    }

    @DELETE
    @Path("/{id}")
    @RequiresScope(Scope.TRAIN)
    @Operation(summary = "Delete a schedule and its history; jobs it queued stay")
    public Response delete(@PathParam("id") long id) {
        schedules.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "A schedule's fires, newest first: queued job, skipped or failed and why, promotion decision")
    public Page<ScheduleFireResponse> history(@PathParam("id") long id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return schedules.history(id, PageRequest.of(limit, cursor));
    }
}

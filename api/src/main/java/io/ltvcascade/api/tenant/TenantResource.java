package io.ltvcascade.api.tenant;

import io.ltvcascade.api.auth.RequiresScope;
import io.ltvcascade.api.auth.Scope;
import io.ltvcascade.api.common.Created;
import io.ltvcascade.api.common.Idempotency;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Platform operators create, list, suspend and resume tenants. */
@Path("/api/v1/tenants")
@RequiresScope(Scope.OPERATOR)
public class TenantResource {

    private final TenantService tenants;
    private final Idempotency idempotency;

    public TenantResource(TenantService tenants, Idempotency idempotency) {
        this.tenants = tenants;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Create a tenant")
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, CreateTenantRequest request) {
        return idempotency.create(idempotencyKey, "POST /api/v1/tenants", () -> {
            TenantResponse tenant = tenants.create(request);
            return Created.at("/api/v1/tenants/" + tenant.id(), tenant);
        });
    }

    @GET
    @Operation(summary = "List tenants, newest first")
    public Page<TenantResponse> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return tenants.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a tenant")
    public TenantResponse get(@PathParam("id") long id) {
        return tenants.get(id);
    }

    @POST
    @Path("/{id}/suspend")
    @Operation(summary = "Suspend a tenant: all its keys get 403 until it is resumed")
    public TenantResponse suspend(@PathParam("id") long id) {
        return tenants.setSuspended(id, true);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume a suspended tenant")
    public TenantResponse resume(@PathParam("id") long id) {
        return tenants.setSuspended(id, false);
    }
}

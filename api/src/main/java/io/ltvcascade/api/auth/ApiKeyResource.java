package io.ltvcascade.api.auth;

import io.ltvcascade.api.common.Created;
import io.ltvcascade.api.common.Idempotency;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Tenant API keys: issue (shown once), list, revoke. Operators, or the tenant's own admin keys. */
@Path("/api/v1/tenants/{tenantId}/keys")
@RequiresScope({Scope.OPERATOR, Scope.ADMIN})
public class ApiKeyResource {

    private final ApiKeyService keys;
    private final Idempotency idempotency;

    public ApiKeyResource(ApiKeyService keys, Idempotency idempotency) {
        this.keys = keys;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Issue a tenant API key with scopes (admin, train, predict, read); the key is shown only here")
    public Response issue(@PathParam("tenantId") long tenantId, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            CreateKeyRequest request) {
        return idempotency.create(idempotencyKey, "POST /api/v1/tenants/" + tenantId + "/keys", () -> {
            IssuedKeyResponse key = keys.issue(tenantId, request);
            return Created.at("/api/v1/tenants/" + tenantId + "/keys/" + key.id(), key);
        });
    }

    @GET
    @Operation(summary = "List a tenant's keys (never their secrets), newest first")
    public Page<ApiKeyResponse> list(@PathParam("tenantId") long tenantId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return keys.list(tenantId, PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(summary = "Revoke a key; it is refused from then on and stays listed with its revocation time")
    public ApiKeyResponse revoke(@PathParam("tenantId") long tenantId, @PathParam("keyId") long keyId) {
        return keys.revoke(tenantId, keyId);
    }
}

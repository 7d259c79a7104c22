package io.ltvcascade.api.audit;

import io.ltvcascade.api.auth.RequiresScope;
import io.ltvcascade.api.auth.Scope;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** GET /api/v1/audit-log: who changed what. */
@Path("/api/v1/audit-log")
@RequiresScope({Scope.OPERATOR, Scope.ADMIN})
public class AuditResource {

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "List audit entries, newest first (operator: all tenants; tenant admin: own tenant)")
    public Page<AuditEntryResponse> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return audit.list(PageRequest.of(limit, cursor));
    }
}

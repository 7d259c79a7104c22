package io.ltvcascade.api.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** GET /api/v1/me: which tenant and scopes the presented key has (used by the console to log in). */
@Path("/api/v1/me")
@RequiresScope({Scope.OPERATOR, Scope.ADMIN, Scope.TRAIN, Scope.PREDICT, Scope.READ})
public class WhoAmIResource {

    private final Caller caller;

    public WhoAmIResource(Caller caller) {
        this.caller = caller;
    }

    /** The caller as the API sees it. */
    public record Me(Long tenantId, long keyId, List<String> scopes) {}

    @GET
    @Operation(summary = "Describe the calling key: its tenant (null for operators) and scopes")
    public Me me() {
        Long tenant = caller.isOperator() ? null : caller.tenantId();
        return new Me(tenant, caller.keyId(), caller.scopes().stream().map(Scope::wireName).sorted().toList());
    }
}

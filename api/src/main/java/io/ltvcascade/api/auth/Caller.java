package io.ltvcascade.api.auth;

import io.ltvcascade.api.common.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.util.EnumSet;
import java.util.Set;

/** Who is calling in this request, as established by {@link AuthFilter} from the bearer key. */
@RequestScoped
public class Caller {

    private Long keyId;
    private Long tenantId;
    private Set<Scope> scopes = EnumSet.noneOf(Scope.class);

    void authenticate(ApiKey key) {
        this.keyId = key.id;
        this.tenantId = key.tenantId;
        this.scopes = key.scopeSet();
    }

    public Long keyId() {
        return keyId;
    }

    public boolean isOperator() {
        return keyId != null && tenantId == null;
    }

    /** The caller's tenant; only tenant keys reach tenant-scoped endpoints, so this is never null there. */
    public long tenantId() {
        if (tenantId == null) {
            throw ProblemException.forbidden("this call needs a tenant key; operator keys manage tenants and keys only");
        }
        return tenantId;
    }

    public boolean has(Scope required) {
        return scopes.stream().anyMatch(s -> s.implies(required));
    }

    /** Who owns idempotency records and audit rows made by this caller. */
    public String owner() {
        return tenantId == null ? "operator" : "t" + tenantId;
    }

    public Set<Scope> scopes() {
        return Set.copyOf(scopes);
    }
}

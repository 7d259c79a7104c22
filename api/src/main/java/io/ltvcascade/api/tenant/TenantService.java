package io.ltvcascade.api.tenant;

import io.ltvcascade.api.audit.AuditService;
import io.ltvcascade.api.auth.KeyCache;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import io.ltvcascade.api.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/** Creates, lists, suspends and resumes tenants; every change is audited. */
@ApplicationScoped
public class TenantService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final TenantRepository tenants;
    private final AuditService audit;
    private final KeyCache keyCache;

    public TenantService(TenantRepository tenants, AuditService audit, KeyCache keyCache) {
        this.tenants = tenants;
        this.audit = audit;
        this.keyCache = keyCache;
    }

    @Transactional
    public TenantResponse create(CreateTenantRequest request) {
        String name = request == null ? null : request.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw ProblemException.badRequest(
                    "name must be 2-63 lowercase letters, digits or dashes, starting with a letter or digit", "field", "name");
        }
        if (tenants.nameTaken(name)) {
            throw ProblemException.conflict("a tenant named '" + name + "' already exists");
        }
        Tenant tenant = new Tenant();
        tenant.name = name;
        tenant.displayName = request.displayName() == null ? name : request.displayName();
        tenant.status = Tenant.ACTIVE;
        tenant.createdAt = Instant.now();
        tenants.persistAndFlush(tenant);
        audit.record(tenant.id, "tenant.create", "tenant", tenant.id, Map.of("name", name));
        return TenantResponse.from(tenant);
    }

    public Page<TenantResponse> list(PageRequest page) {
        return Page.of(tenants.page(page), page, t -> t.id, TenantResponse::from);
    }

    public TenantResponse get(long id) {
        return TenantResponse.from(find(id));
    }

    @Transactional
    public TenantResponse setSuspended(long id, boolean suspended) {
        Tenant tenant = find(id);
        tenant.status = suspended ? Tenant.SUSPENDED : Tenant.ACTIVE;
        tenant.suspendedAt = suspended ? Instant.now() : null;
        keyCache.forgetTenant(tenant.id);
        audit.record(tenant.id, suspended ? "tenant.suspend" : "tenant.resume", "tenant", tenant.id, Map.of());
        return TenantResponse.from(tenant);
    }

    private Tenant find(long id) {
        Tenant tenant = tenants.findById(id);
        if (tenant == null) {
            throw ProblemException.notFound("tenant", id);
        }
        return tenant;
    }
}

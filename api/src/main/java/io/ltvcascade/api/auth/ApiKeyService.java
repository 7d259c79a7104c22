package io.ltvcascade.api.auth;

import io.ltvcascade.api.audit.AuditService;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.api.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issues, lists and revokes tenant API keys. Operators manage any tenant's keys; a tenant key with
 * {@code admin} manages its own tenant's keys, and other tenants look absent (404) to it.
 */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final TenantRepository tenants;
    private final AuditService audit;
    private final KeyCache keyCache;
    private final Caller caller;

    public ApiKeyService(ApiKeyRepository keys, TenantRepository tenants, AuditService audit, KeyCache keyCache,
            Caller caller) {
        this.keys = keys;
        this.tenants = tenants;
        this.audit = audit;
        this.keyCache = keyCache;
        this.caller = caller;
    }

    @Transactional
    public IssuedKeyResponse issue(long tenantId, CreateKeyRequest request) {
        requireVisibleTenant(tenantId);
        Set<Scope> scopes = parseScopes(request == null ? null : request.scopes());
        String name = request.name() == null || request.name().isBlank() ? "key" : request.name().trim();
        String secret = KeySecrets.generate();
        ApiKey key = store(tenantId, name, secret, scopes);
        audit.record(tenantId, "api-key.issue", "api-key", key.id, Map.of("name", name, "scopes", key.scopes));
        return IssuedKeyResponse.from(key, secret);
    }

    public Page<ApiKeyResponse> list(long tenantId, PageRequest page) {
        requireVisibleTenant(tenantId);
        return Page.of(keys.pageForTenant(tenantId, page), page, k -> k.id, ApiKeyResponse::from);
    }

    @Transactional
    public ApiKeyResponse revoke(long tenantId, long keyId) {
        requireVisibleTenant(tenantId);
        ApiKey key = keys.findForTenant(tenantId, keyId).orElseThrow(() -> ProblemException.notFound("API key", keyId));
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
            keyCache.forgetKey(key.prefix);
            audit.record(tenantId, "api-key.revoke", "api-key", key.id, Map.of("name", key.name));
        }
        return ApiKeyResponse.from(key);
    }

    /** Stores a key whose secret the caller generated or was given; used for tenant and operator keys. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ApiKey store(Long tenantId, String name, String secret, Set<Scope> scopes) {
        ApiKey key = new ApiKey();
        key.tenantId = tenantId;
        key.name = name;
        key.prefix = KeySecrets.prefixOf(secret).orElseThrow(() -> new IllegalArgumentException("not a key: " + name));
        key.secretHash = KeySecrets.hash(secret);
        key.setScopeSet(scopes);
        key.createdAt = Instant.now();
        keys.persistAndFlush(key);
        return key;
    }

    private void requireVisibleTenant(long tenantId) {
        boolean visible = caller.isOperator() ? tenants.findById(tenantId) != null : caller.tenantId() == tenantId;
        if (!visible) {
            throw ProblemException.notFound("tenant", tenantId);
        }
    }

    private static Set<Scope> parseScopes(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ProblemException.badRequest("scopes must list at least one of admin, train, predict, read", "field", "scopes");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : names) {
            Scope scope = name == null ? null : Scope.parseTenantScope(name);
            if (scope == null) {
                throw ProblemException.badRequest("unknown scope '" + name + "'; use admin, train, predict or read",
                        "field", "scopes");
            }
            scopes.add(scope);
        }
        return scopes;
    }
}

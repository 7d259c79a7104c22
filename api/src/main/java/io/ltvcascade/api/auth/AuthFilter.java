package io.ltvcascade.api.auth;

import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.api.tenant.Tenant;
import io.ltvcascade.api.tenant.TenantRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} on every endpoint marked {@link RequiresScope}:
 * 401 for a missing, unknown or revoked key, 403 for a suspended tenant or a missing scope.
 */
public class AuthFilter {

    private final ApiKeyRepository keys;
    private final TenantRepository tenants;
    private final KeyCache cache;
    private final Caller caller;

    public AuthFilter(ApiKeyRepository keys, TenantRepository tenants, KeyCache cache, Caller caller) {
        this.keys = keys;
        this.tenants = tenants;
        this.cache = cache;
        this.caller = caller;
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request, ResourceInfo resource) {
        RequiresScope rule = ruleOf(resource);
        if (rule == null) {
            return;
        }
        ApiKey key = keyFrom(request.getHeaderString("Authorization"));
        caller.authenticate(key);
        if (Arrays.stream(rule.value()).noneMatch(caller::has)) {
            throw ProblemException.forbidden("this key lacks the scope this call needs: one of "
                    + Arrays.stream(rule.value()).map(Scope::wireName).toList() + "; it has "
                    + caller.scopes().stream().map(Scope::wireName).sorted().toList());
        }
        touch(key);
    }

    private ApiKey keyFrom(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.unauthorized("send an API key as 'Authorization: Bearer <key>'");
        }
        String presented = header.substring(7).trim();
        String prefix = KeySecrets.prefixOf(presented).orElseThrow(AuthFilter::invalid);
        KeyCache.Entry known = cache.get(prefix);
        if (known == null) {
            ApiKey stored = keys.findByPrefix(prefix).orElseThrow(AuthFilter::invalid);
            known = cache.put(prefix, stored, stored.isOperator() || isActive(stored.tenantId));
        }
        ApiKey key = known.key();
        if (!KeySecrets.matches(presented, key.secretHash)) {
            throw invalid();
        }
        if (key.revokedAt != null) {
            throw ProblemException.unauthorized("the API key was revoked at " + key.revokedAt);
        }
        if (!known.tenantActive()) {
            throw ProblemException.forbidden("tenant " + key.tenantId + " is suspended; its keys are refused until it "
                    + "is resumed");
        }
        return key;
    }

    private static ProblemException invalid() {
        return ProblemException.unauthorized("the API key is not valid");
    }

    private boolean isActive(long tenantId) {
        Tenant tenant = tenants.findById(tenantId);
        return tenant != null && tenant.isActive();
    }

    // last_used_at is advisory: written at most once a minute per key, outside the request's transaction
    private void touch(ApiKey key) {
        Instant now = Instant.now();
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(1, ChronoUnit.MINUTES))) {
            QuarkusTransaction.requiringNew().run(() -> keys.update("lastUsedAt = ?1 where id = ?2", now, key.id));
            key.lastUsedAt = now;
        }
    }

    private static RequiresScope ruleOf(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        RequiresScope onMethod = resource.getResourceMethod().getAnnotation(RequiresScope.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RequiresScope.class);
    }
}

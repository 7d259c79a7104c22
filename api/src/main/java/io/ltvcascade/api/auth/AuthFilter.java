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
    private final Caller caller;

    public AuthFilter(ApiKeyRepository keys, TenantRepository tenants, Caller caller) {
        this.keys = keys;
        this.tenants = tenants;
        this.caller = caller;
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request, ResourceInfo resource) {
        RequiresScope rule = ruleOf(resource);
        if (rule == null) {
            return;
        }
        ApiKey key = keyFrom(request.getHeaderString("Authorization"));
        if (!key.isOperator()) {
            requireActiveTenant(key.tenantId);
        }
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
        ApiKey key = KeySecrets.prefixOf(presented).flatMap(keys::findByPrefix)
                .filter(k -> KeySecrets.matches(presented, k.secretHash))
                .orElseThrow(() -> ProblemException.unauthorized("the API key is not valid"));
        if (key.revokedAt != null) {
            throw ProblemException.unauthorized("the API key was revoked at " + key.revokedAt);
        }
        return key;
    }

    private void requireActiveTenant(long tenantId) {
        Tenant tenant = tenants.findById(tenantId);
        if (tenant == null || !tenant.isActive()) {
            throw ProblemException.forbidden("tenant " + tenantId + " is suspended; its keys are refused until it is resumed");
        }
    }

    // last_used_at is advisory: written at most once a minute per key, outside the request's transaction
    private void touch(ApiKey key) {
        Instant now = Instant.now();
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(1, ChronoUnit.MINUTES))) {
            QuarkusTransaction.requiringNew().run(() -> keys.update("lastUsedAt = ?1 where id = ?2", now, key.id));
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

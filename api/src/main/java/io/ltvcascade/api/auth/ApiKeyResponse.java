package io.ltvcascade.api.auth;

import java.time.Instant;
import java.util.List;

/** A key as listed: never its secret. */
public record ApiKeyResponse(
        long id, long tenantId, String name, String prefix, List<String> scopes, Instant createdAt, Instant revokedAt,
        Instant lastUsedAt) {

    public static ApiKeyResponse from(ApiKey k) {
        return new ApiKeyResponse(k.id, k.tenantId, k.name, k.prefix, List.of(k.scopes.split(",")), k.createdAt,
                k.revokedAt, k.lastUsedAt);
    }
}

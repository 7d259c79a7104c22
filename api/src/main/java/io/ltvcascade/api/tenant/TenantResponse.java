package io.ltvcascade.api.tenant;

import java.time.Instant;

/** A tenant as the API shows it. */
public record TenantResponse(long id, String name, String displayName, String status, Instant createdAt, Instant suspendedAt) {

    public static TenantResponse from(Tenant t) {
        return new TenantResponse(t.id, t.name, t.displayName, t.status.toLowerCase(java.util.Locale.ROOT), t.createdAt,
                t.suspendedAt);
    }
}

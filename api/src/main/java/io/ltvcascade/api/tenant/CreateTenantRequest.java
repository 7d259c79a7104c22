package io.ltvcascade.api.tenant;

/** Body of POST /api/v1/tenants. */
public record CreateTenantRequest(String name, String displayName) {}

package io.ltvcascade.api.auth;

import java.util.List;

/** Body of POST /api/v1/tenants/{id}/keys. */
public record CreateKeyRequest(String name, List<String> scopes) {}

package io.ltvcascade.api.model;

/** Body of PUT /api/v1/models/{name}/aliases/{alias}: the version the alias should point at. */
public record SetAliasRequest(Integer version) {}

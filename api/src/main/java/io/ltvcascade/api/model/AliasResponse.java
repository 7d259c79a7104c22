package io.ltvcascade.api.model;

import java.time.Instant;

/** A named pointer (e.g. {@code champion}) at one version of a model. */
public record AliasResponse(String alias, int version, Instant updatedAt) {}

package io.ltvcascade.api.serving;

/**
 * A model version a request addressed, as resolved from the database on every request (so an alias moved on any
 * replica takes effect on the next request here). Versions are immutable: the id is a safe cache key.
 *
 * @param alias the alias the request named, or null when it named the version
 */
public record ServedVersion(long tenantId, String modelName, long versionId, int version, String alias) {}

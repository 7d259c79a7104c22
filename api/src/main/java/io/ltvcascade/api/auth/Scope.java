package io.ltvcascade.api.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a key may do. {@code operator} belongs to platform keys only; tenant keys hold the others, where
 * {@code admin} implies every tenant scope and {@code train} implies {@code read}.
 */
public enum Scope {
    OPERATOR,
    ADMIN,
    TRAIN,
    PREDICT,
    READ;

    public static final Set<Scope> TENANT_SCOPES = EnumSet.of(ADMIN, TRAIN, PREDICT, READ);

    public boolean implies(Scope other) {
        return this == other
                || (this == ADMIN && TENANT_SCOPES.contains(other))
                || (this == TRAIN && other == READ);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a tenant scope name; {@code null} for anything else. */
    public static Scope parseTenantScope(String name) {
        for (Scope s : TENANT_SCOPES) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        return null;
    }
}

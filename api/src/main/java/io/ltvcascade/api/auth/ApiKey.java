package io.ltvcascade.api.auth;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A stored API key: only a hash of its secret and the lookup prefix are kept. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Null for a platform operator key. */
    public Long tenantId;

    public String name;
    public String prefix;
    public byte[] secretHash;
    /** Comma-separated scope names. */
    public String scopes;
    public Instant createdAt;
    public Instant revokedAt;
    public Instant lastUsedAt;

    public Set<Scope> scopeSet() {
        Set<Scope> set = EnumSet.noneOf(Scope.class);
        Arrays.stream(scopes.split(",")).map(s -> Scope.valueOf(s.toUpperCase(Locale.ROOT))).forEach(set::add);
        return set;
    }

    public void setScopeSet(Set<Scope> set) {
        scopes = set.stream().map(Scope::wireName).sorted().collect(Collectors.joining(","));
    }

    public boolean isOperator() {
        return tenantId == null;
    }
}

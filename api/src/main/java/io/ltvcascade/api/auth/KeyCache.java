package io.ltvcascade.api.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys read recently, by prefix, with whether their tenant was active, so that a busy client's requests do not each
 * cost two database reads (online scoring is the case that needs it). The secret is still checked against the
 * stored hash on every request. Entries expire after {@link AuthConfig#keyCacheSeconds()}.
 */
@ApplicationScoped
public class KeyCache {

    /** A key as last read, and whether its tenant was active then. */
    record Entry(ApiKey key, boolean tenantActive, long expiresAtNanos) {}

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> byPrefix = new ConcurrentHashMap<>();
    private final long ttlNanos;

    public KeyCache(AuthConfig config) {
        this.ttlNanos = config.keyCacheSeconds() * 1_000_000_000L;
    }

    /** The fresh entry for {@code prefix}, or null. */
    Entry get(String prefix) {
        Entry e = byPrefix.get(prefix);
        return e != null && System.nanoTime() - e.expiresAtNanos() < 0 ? e : null;
    }

    Entry put(String prefix, ApiKey key, boolean tenantActive) {
        Entry e = new Entry(key, tenantActive, System.nanoTime() + ttlNanos);
        if (ttlNanos > 0) {
            if (byPrefix.size() >= MAX_ENTRIES) {
                byPrefix.clear();
            }
            byPrefix.put(prefix, e);
        }
        return e;
    }

    public void forgetKey(String prefix) {
        byPrefix.remove(prefix);
    }

    public void forgetTenant(long tenantId) {
        byPrefix.values().removeIf(e -> Long.valueOf(tenantId).equals(e.key().tenantId));
    }
}

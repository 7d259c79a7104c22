package io.ltvcascade.api.serving;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Remembers what predict requests resolved to (model + alias or version number → version), so a request needs no
 * database round trip. PostgreSQL triggers (V7) notify every replica on {@code ltv_serving_targets} when an alias,
 * a version's status or a model changes, wherever the change came from (this api, another replica, a worker's
 * promotion); a change made through this replica is also dropped here when its transaction commits. While the
 * listening connection is down, the cache is bypassed. A generation counter keeps a lookup that raced with a
 * change from storing what it read before the change.
 */
@ApplicationScoped
public class TargetCache {

    static final String CHANNEL = "ltv_serving_targets";

    private final String url;
    private final Properties credentials = new Properties();
    private final TransactionSynchronizationRegistry transactions;
    private final boolean enabled;
    private final Map<String, Object> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile Thread listener;

    public TargetCache(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            TransactionSynchronizationRegistry transactions, ServingConfig config) {
        this.url = url;
        username.ifPresent(u -> credentials.setProperty("user", u));
        password.ifPresent(p -> credentials.setProperty("password", p));
        this.transactions = transactions;
        this.enabled = config.targetCache();
    }

    /** The cached value for {@code key}, or {@code lookup}'s answer (stored unless a change came in meanwhile). */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> lookup) {
        if (!listening) {
            return lookup.get();
        }
        Object cached = entries.get(key);
        if (cached != null) {
            return (T) cached;
        }
        long before = generation.get();
        T value = lookup.get();
        if (value != null && listening && generation.get() == before) {
            entries.put(key, value);
            if (generation.get() != before) {
                entries.remove(key);
            }
        }
        return value;
    }

    /** Drops everything now and once more when the caller's transaction has committed. */
    public void invalidateAfterCommit() {
        invalidate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    invalidate();
                }
            }
        });
    }

    void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            Log.info("serving targets are resolved by a query per request (ltv.serving.target-cache=false)");
            return;
        }
        listener = new Thread(this::listen, "serving-target-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread running = listener;
        if (running != null) {
            running.interrupt();
        }
    }

    private void listen() {
        while (!Thread.currentThread().isInterrupted()) {
            // its own connection, outside the pool: one that dies must not go back to the pool
            try (Connection c = DriverManager.getConnection(url, credentials); Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                invalidate();
                listening = true;
                Log.debugf("listening on %s", CHANNEL);
                while (!Thread.currentThread().isInterrupted()) {
                    PGNotification[] changes = pg.getNotifications(500);
                    if (changes != null && changes.length > 0) {
                        invalidate();
                    }
                }
            } catch (SQLException e) {
                if (listening) {
                    Log.warnf("lost the %s listener (%s): resolving per request until it is back", CHANNEL, e.getMessage());
                }
            } finally {
                listening = false;
                invalidate();
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.ltvcascade.worker;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/**
 * The worker's connections to the platform's database, reused: each new PostgreSQL connection costs the server a
 * backend process (about 40 ms of CPU on the 2-core machines of docs/benchmarks.md), which the worker paid for every
 * queue poll and every heartbeat before it pooled them.
 */
public final class ConnectionPool {

    /** A job holds at most three at once: a scoring job's reader and writer, and a heartbeat. */
    static final int MAX_CONNECTIONS = 4;
    /** Shown in pg_stat_activity. */
    static final String APPLICATION_NAME = "ltv-trainer-worker";

    private ConnectionPool() {}

    public static HikariDataSource open(WorkerConfig config) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("trainer-worker");
        pool.setJdbcUrl(config.dbUrl());
        if (config.dbUser() != null) {
            pool.setUsername(config.dbUser());
            pool.setPassword(config.dbPassword());
        }
        pool.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        // binary results from a statement's first run: by default the driver asks for them only from a statement's
        // fifth run on a connection, so a new connection read its first dataset blocks and artifact as hex text,
        // twice the bytes, decoded in Java
        pool.addDataSourceProperty("prepareThreshold", "-1");
        pool.setMaximumPoolSize(MAX_CONNECTIONS);
        pool.setMinimumIdle(1);
        // start while the database is still coming up: the loop's polls report it until it answers
        pool.setInitializationFailTimeout(-1);
        pool.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        return new HikariDataSource(pool);
    }
}

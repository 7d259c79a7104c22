package io.ltvcascade.embeddeddb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * An empty PostgreSQL database for one test run: a fresh database on the server named by {@code LTV_TEST_DB_URL}
 * when set (dropped on close), else a throw-away embedded server.
 */
public final class TestDatabase implements AutoCloseable {

    private final EmbeddedDatabase embedded;
    private final String adminUrl;
    private final String database;
    private final String jdbcUrl;

    private TestDatabase(EmbeddedDatabase embedded, String adminUrl, String database, String jdbcUrl) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.database = database;
        this.jdbcUrl = jdbcUrl;
    }

    public static TestDatabase create() {
        String serverUrl = System.getenv("LTV_TEST_DB_URL");
        if (serverUrl == null || serverUrl.isBlank()) {
            EmbeddedDatabase db = EmbeddedDatabase.startEphemeral();
            return new TestDatabase(db, null, null, db.jdbcUrl());
        }
        String name = "ltv_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(serverUrl, "CREATE DATABASE " + name);
        return new TestDatabase(null, serverUrl, name, withDatabase(serverUrl, name));
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Null for the external server (credentials travel in its URL). */
    public String username() {
        return embedded == null ? null : embedded.username();
    }

    public String password() {
        return embedded == null ? null : embedded.password();
    }

    /** Swaps the database name in a JDBC URL, keeping host, port and parameters (user, password). */
    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + database + params;
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed on " + url + ": " + sql, e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        } else {
            execute(adminUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}

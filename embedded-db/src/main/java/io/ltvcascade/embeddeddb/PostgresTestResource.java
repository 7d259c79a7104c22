package io.ltvcascade.embeddeddb;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a Quarkus test run its own empty PostgreSQL database: a fresh database on the server named by
 * {@code LTV_TEST_DB_URL} when set (dropped afterwards), else a throw-away embedded server.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase embedded;
    private String adminUrl;
    private String createdDatabase;

    @Override
    public Map<String, String> start() {
        String serverUrl = System.getenv("LTV_TEST_DB_URL");
        if (serverUrl == null || serverUrl.isBlank()) {
            embedded = EmbeddedDatabase.startEphemeral();
            return datasource(embedded.jdbcUrl(), embedded.username(), embedded.password());
        }
        adminUrl = serverUrl;
        createdDatabase = "ltv_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + createdDatabase);
        return datasource(withDatabase(serverUrl, createdDatabase), null, null);
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.close();
        }
        if (createdDatabase != null) {
            execute("DROP DATABASE IF EXISTS " + createdDatabase + " WITH (FORCE)");
        }
    }

    private static Map<String, String> datasource(String url, String user, String password) {
        var props = new java.util.HashMap<String, String>();
        props.put("quarkus.datasource.jdbc.url", url);
        if (user != null) {
            props.put("quarkus.datasource.username", user);
            props.put("quarkus.datasource.password", password);
        }
        return props;
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

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed on " + adminUrl + ": " + sql, e);
        }
    }
}

package io.ltvcascade.embeddeddb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    @Test
    void shouldKeepDataAcrossRestartsOfThePersistentServer() throws SQLException {
        Path dataDir = home.resolve("pgdata");
        try (EmbeddedDatabase db = EmbeddedDatabase.startPersistent(dataDir, "ltv")) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                c.createStatement().execute("CREATE TABLE kept (v INT); INSERT INTO kept VALUES (42)");
            }
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.startPersistent(dataDir, "ltv");
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept");
            rs.next();
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void shouldSwapTheDatabaseNameInAJdbcUrl() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/ltv_test_x?user=postgres",
                TestDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", "ltv_test_x"));
        assertEquals("jdbc:postgresql://db:5432/ltv_test_x",
                TestDatabase.withDatabase("jdbc:postgresql://db:5432/postgres", "ltv_test_x"));
    }
}

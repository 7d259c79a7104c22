package io.ltvcascade.embeddeddb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
    void shouldStopAServerLeftRunningOnItsDirectoryBeforeStartingAnother() throws Exception {
        Path dataDir = home.resolve("pgdata");
        Path output = home.resolve("first-server.log");
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PersistentServerProcess.class.getName(), dataDir.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        ProcessHandle leftover;
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!Files.readString(output).contains(PersistentServerProcess.READY)) {
                assertTrue(killed.isAlive() && System.nanoTime() < deadline, "the first server starts");
                Thread.sleep(200);
            }
            leftover = LeftoverServer.find(dataDir).orElseThrow();
        } finally {
            killed.destroyForcibly().waitFor(); // SIGKILL: no shutdown code runs, the server stays
        }
        assertTrue(leftover.isAlive(), "the server outlives the process that started it");
        try (EmbeddedDatabase db = EmbeddedDatabase.startPersistent(dataDir, "ltv");
                Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            assertFalse(leftover.isAlive(), "the leftover server was stopped");
            assertTrue(c.isValid(5), "the new server answers");
            assertTrue(LeftoverServer.find(dataDir).map(p -> p.pid() != leftover.pid()).orElse(false));
        } finally {
            leftover.destroy();
            leftover.onExit().get(30, TimeUnit.SECONDS);
        }
        assertTrue(LeftoverServer.find(dataDir).isEmpty(), "nothing runs on the directory once the new server is closed");
    }

    @Test
    void shouldSwapTheDatabaseNameInAJdbcUrl() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/ltv_test_x?user=postgres",
                TestDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", "ltv_test_x"));
        assertEquals("jdbc:postgresql://db:5432/ltv_test_x",
                TestDatabase.withDatabase("jdbc:postgresql://db:5432/postgres", "ltv_test_x"));
    }
}

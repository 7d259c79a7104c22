package io.ltvcascade.embeddeddb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL server started from the Maven-shipped binaries, on a free loopback port. */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /**
     * Starts a server whose data survives restarts: initdb runs only when {@code dataDirectory} is new. It runs until
     * {@link #close()}, which the caller orders after everything that uses it has stopped (no shutdown hook of its own:
     * one would stop the server while the application still holds connections). A server left running on the directory
     * by a process that was killed outright is stopped first ({@link LeftoverServer}).
     *
     * @param dataDirectory the cluster's data directory (created when missing)
     * @param database the database the platform uses; created on first start
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, String database) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            LeftoverServer.stopIfRunning(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(dataDirectory.getParent().resolve("pg-binaries").toFile())
                    .setServerConfig("max_connections", "200")
                    // zonky starts test servers with fsync off; data meant to survive restarts (and crashes) needs it on
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            EmbeddedDatabase db = new EmbeddedDatabase(postgres, database);
            db.createDatabaseIfMissing();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Starts a throw-away server (for tests): its data directory is deleted on {@link #close()}. */
    public static EmbeddedDatabase startEphemeral() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
            return new EmbeddedDatabase(postgres, "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL for the tests", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public String username() {
        return USER;
    }

    /** The embedded server trusts loopback connections; the password is ignored. */
    public String password() {
        return "";
    }

    public int port() {
        return postgres.getPort();
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " in the embedded server", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }
}

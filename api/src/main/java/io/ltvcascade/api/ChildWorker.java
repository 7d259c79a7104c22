package io.ltvcascade.api;

import io.ltvcascade.embeddeddb.DatabaseTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The trainer-worker started as a child process by the run command ({@code LTV_WORKER_JAR} names its jar), on the
 * same database as the api; it stops with the api.
 */
final class ChildWorker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChildWorker.class);

    private final Process process;

    private ChildWorker(Process process) {
        this.process = process;
    }

    /** Starts the worker when {@code LTV_WORKER_JAR} is set; otherwise workers run elsewhere. */
    static Optional<ChildWorker> startIfConfigured(DatabaseTarget database) {
        String jar = System.getenv("LTV_WORKER_JAR");
        if (jar == null || jar.isBlank()) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("LTV_WORKER_JAR points at " + jar + ", which does not exist; build first");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar).inheritIO();
        builder.environment().put("LTV_DB_URL", database.jdbcUrl());
        putIfPresent(builder, "LTV_DB_USER", database.username());
        putIfPresent(builder, "LTV_DB_PASSWORD", database.password());
        builder.environment().putIfAbsent("OMP_NUM_THREADS", "1");
        // the worker exits when this process is gone, even when it was killed without running any shutdown code
        builder.environment().put("LTV_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        try {
            Process process = builder.start();
            // on SIGTERM the JVM runs its hooks and halts without returning to main's finally
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-trainer-worker"));
            LOG.infof("started trainer-worker (pid %d)", process.pid());
            return Optional.of(new ChildWorker(process));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the trainer-worker from " + jar, e);
        }
    }

    private static void putIfPresent(ProcessBuilder builder, String name, String value) {
        if (value != null && !value.isEmpty()) {
            builder.environment().put(name, value);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}

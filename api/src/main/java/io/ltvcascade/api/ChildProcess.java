package io.ltvcascade.api;

import io.ltvcascade.embeddeddb.DatabaseTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A part of the platform started by the run command as a child process of the api, from the jar an environment
 * variable names ({@code LTV_WORKER_JAR}, {@code LTV_SCHEDULER_JAR}), on the same database; it stops with the api.
 */
final class ChildProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChildProcess.class);

    /**
     * Native settings for a child's torch, unless the environment sets them (as ./run and the Dockerfiles do):
     * single-threaded OpenMP, and glibc's malloc keeping large freed blocks instead of returning them to the system
     * and mapping fresh zeroed pages for every batch (batch forward passes ran twice as fast; docs/benchmarks.md).
     */
    private static final Map<String, String> NATIVE_DEFAULTS = Map.of("OMP_NUM_THREADS", "1",
            "MALLOC_MMAP_THRESHOLD_", "33554432", "MALLOC_TRIM_THRESHOLD_", "268435456");

    private final Process process;

    private ChildProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts {@code name} from the jar in {@code jarVariable} when it is set; otherwise that part runs elsewhere. JVM
     * options (space-separated) come from {@code optionsVariable} when it is set.
     */
    static Optional<ChildProcess> startIfConfigured(String name, String jarVariable, String optionsVariable,
            DatabaseTarget database) {
        String jar = System.getenv(jarVariable);
        if (jar == null || jar.isBlank()) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException(jarVariable + " points at " + jar + ", which does not exist; build first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv().getOrDefault(optionsVariable, "");
        Arrays.stream(options.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(command::add);
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("LTV_DB_URL", database.jdbcUrl());
        putIfPresent(builder, "LTV_DB_USER", database.username());
        putIfPresent(builder, "LTV_DB_PASSWORD", database.password());
        NATIVE_DEFAULTS.forEach(builder.environment()::putIfAbsent);
        // the child exits when this process is gone, even when it was killed without running any shutdown code
        builder.environment().put("LTV_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        try {
            Process process = builder.start();
            // on SIGTERM the JVM runs its hooks and halts without returning to main's finally
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-" + name));
            LOG.infof("started %s (pid %d)", name, process.pid());
            return Optional.of(new ChildProcess(process));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + name + " from " + jar, e);
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

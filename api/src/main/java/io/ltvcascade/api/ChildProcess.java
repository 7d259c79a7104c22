package io.ltvcascade.api;

import io.ltvcascade.embeddeddb.DatabaseTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A part of the platform started by the run command as a child process of the api, from the jar an environment
 * variable names ({@code LTV_WORKER_JAR}, {@code LTV_SCHEDULER_JAR}), on the same database; it stops with the api.
 * A child that exits on its own is started again (its own output says why it stopped), after a wait that doubles
 * with each exit in a row up to a minute, so that queued jobs do not wait silently for a worker that is gone.
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

    /**
     * A child's threads share glibc's one main heap, whatever the api's own setting (./run gives the api one heap per
     * core): with a heap per thread, a scoring job now and then ran at a third of its speed with four to nine times
     * the page faults (docs/benchmarks.md).
     */
    private static final String ARENAS = "MALLOC_ARENA_MAX";

    /** A child that ran at least this long before exiting starts again after the shortest wait. */
    private static final Duration STABLE = Duration.ofMinutes(1);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    private final String name;
    private final ProcessBuilder builder;
    private final Duration firstWait;
    private volatile boolean stopping;
    private volatile Process process;
    private int exitsInARow;

    private ChildProcess(String name, ProcessBuilder builder, Duration firstWait) {
        this.name = name;
        this.builder = builder;
        this.firstWait = firstWait;
    }

    /**
     * Starts {@code name} from the jar in {@code jarVariable} when it is set; otherwise that part runs elsewhere. JVM
     * options (space-separated) come from {@code optionsVariable} when it is set (empty for none), else they are
     * {@code defaultOptions}.
     */
    static Optional<ChildProcess> startIfConfigured(String name, String jarVariable, String optionsVariable,
            List<String> defaultOptions, DatabaseTarget database) {
        String jar = System.getenv(jarVariable);
        if (jar == null || jar.isBlank()) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException(jarVariable + " points at " + jar + ", which does not exist; build first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv(optionsVariable);
        if (options == null) {
            command.addAll(defaultOptions);
        } else {
            Arrays.stream(options.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(command::add);
        }
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("LTV_DB_URL", database.jdbcUrl());
        putIfPresent(builder, "LTV_DB_USER", database.username());
        putIfPresent(builder, "LTV_DB_PASSWORD", database.password());
        nativeSettings(builder.environment());
        // the child exits when this process is gone, even when it was killed without running any shutdown code
        builder.environment().put("LTV_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        ChildProcess child = start(name, builder, Duration.ofSeconds(1));
        // on SIGTERM the JVM runs its hooks and halts without returning to main's finally
        Runtime.getRuntime().addShutdownHook(new Thread(child::close, "stop-" + name));
        return Optional.of(child);
    }

    /** Starts {@code builder}'s command and keeps it running until {@link #close}; waits {@code firstWait} first. */
    static ChildProcess start(String name, ProcessBuilder builder, Duration firstWait) {
        ChildProcess child = new ChildProcess(name, builder, firstWait);
        child.launch();
        return child;
    }

    private synchronized void launch() {
        if (stopping) {
            return;
        }
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + name + " with " + builder.command(), e);
        }
        LOG.infof("started %s (pid %d)", name, process.pid());
        long started = System.nanoTime();
        process.onExit().thenAccept(exited -> restartAfterExit(exited, Duration.ofNanos(System.nanoTime() - started)));
    }

    private synchronized void restartAfterExit(Process exited, Duration ran) {
        if (stopping) {
            return;
        }
        exitsInARow = ran.compareTo(STABLE) >= 0 ? 1 : exitsInARow + 1;
        long waitMillis = Math.min(LONGEST_WAIT.toMillis(), firstWait.toMillis() << Math.min(exitsInARow - 1, 20));
        LOG.errorf("%s (pid %d) exited with code %d after %d s; starting it again in %d ms (its output above says "
                + "why it stopped; until it runs, its work waits)", name, exited.pid(), exited.exitValue(),
                ran.toSeconds(), waitMillis);
        CompletableFuture.delayedExecutor(waitMillis, TimeUnit.MILLISECONDS).execute(() -> {
            try {
                launch();
            } catch (UncheckedIOException e) {
                LOG.errorf(e, "could not start %s again; it stays stopped", name);
            }
        });
    }

    /** Completes a child's environment (inherited from the api) with {@link #NATIVE_DEFAULTS} and one malloc heap. */
    static void nativeSettings(Map<String, String> environment) {
        NATIVE_DEFAULTS.forEach(environment::putIfAbsent);
        environment.put(ARENAS, "1");
    }

    private static void putIfPresent(ProcessBuilder builder, String name, String value) {
        if (value != null && !value.isEmpty()) {
            builder.environment().put(name, value);
        }
    }

    /** Stops the child and keeps it stopped. */
    @Override
    public synchronized void close() {
        stopping = true;
        process.destroy();
    }

    /** Waits up to {@code limit} for the child to exit (after {@link #close}); false if it is still running. */
    boolean awaitExit(Duration limit) throws InterruptedException {
        Process current;
        synchronized (this) {
            current = process;
        }
        return current.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}

package io.ltvcascade.embeddeddb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * A PostgreSQL server still running on a data directory after the process that started it was killed outright
 * (SIGKILL, the OOM killer: no shutdown code ran, and the server runs detached). It holds the directory's
 * {@code postmaster.pid}, so a new server there would not start ("lock file already exists"): it is stopped first.
 * Only a live postgres process whose command line names this very directory is touched; a pid file whose process
 * is gone is left to PostgreSQL, which ignores it.
 */
final class LeftoverServer {

    private static final Logger LOG = Logger.getLogger(LeftoverServer.class.getName());
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private LeftoverServer() {}

    /** Stops the server left running on {@code dataDirectory}, if there is one. */
    static void stopIfRunning(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> server = find(dataDirectory);
        if (server.isEmpty()) {
            return;
        }
        long pid = server.get().pid();
        LOG.warning("a PostgreSQL (pid " + pid + ") is still running on " + dataDirectory + ", left by an earlier run "
                + "that was killed; stopping it before starting a new one");
        server.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown; whoever used it is gone
        try {
            server.get().onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the PostgreSQL left running on " + dataDirectory + " (pid " + pid
                    + ") did not stop within " + STOP_WAIT.toSeconds() + " s; stop it (kill " + pid + ") and start "
                    + "again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the PostgreSQL left running on "
                    + dataDirectory, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not wait for the PostgreSQL left running on " + dataDirectory, e);
        }
    }

    /** The live server process named in the directory's pid file, if that process runs on this directory. */
    static Optional<ProcessHandle> find(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String option = "-D " + dataDirectory.toAbsolutePath();
        return pid <= 0 ? Optional.empty() : ProcessHandle.of(pid).filter(p ->
                p.info().command().map(executable -> executable.endsWith("/postgres")).orElse(false)
                        && p.info().commandLine().map(line -> line.contains(option)).orElse(false));
    }
}

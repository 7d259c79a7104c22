package io.ltvcascade.worker;

import com.zaxxer.hikari.HikariDataSource;
import io.ltvcascade.worker.queue.ShutdownSignal;
import io.ltvcascade.worker.score.ScoringWarmup;
import java.time.Duration;
import java.util.logging.Logger;

/** Starts a trainer-worker process configured by environment variables (see {@link WorkerConfig}). */
public final class WorkerMain {

    /**
     * How long a stopping worker waits for its job to stop and go back to the queue before the process ends anyway
     * (the job's lease then expires as after a crash); within the api's wait for its children, and Docker's 10 s.
     */
    private static final Duration HAND_BACK_WAIT = Duration.ofSeconds(8);

    private WorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        // before anything logs, and not from the manager class itself: loading it would start java.util.logging first
        System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        WorkerConfig config = WorkerConfig.fromEnvironment(System.getenv());
        ShutdownSignal shutdown = new ShutdownSignal();
        // SIGTERM (the api stopping, a deploy) or System.exit below: the JVM runs its hooks, then halts
        Runtime.getRuntime().addShutdownHook(new Thread(() -> handBackAndStop(shutdown), "worker-stop"));
        exitWithParent(System.getenv("LTV_PARENT_PID")); // a parent already gone exits here, with nothing to hand back
        shutdown.workStarted();
        try {
            ScoringWarmup.run();
            try (HikariDataSource dataSource = ConnectionPool.open(config)) {
                new WorkerLoop(config, dataSource, shutdown).run();
            }
        } finally {
            shutdown.workEnded();
        }
    }

    private static void handBackAndStop(ShutdownSignal shutdown) {
        try {
            if (!shutdown.raiseAndAwaitWork(HAND_BACK_WAIT)) {
                Logger.getLogger(WorkerMain.class.getName()).warning("trainer-worker stops before its job could stop "
                        + "within " + HAND_BACK_WAIT.toSeconds() + " s; another worker takes it over when its lease "
                        + "expires");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A worker started as a child of the api ({@code LTV_PARENT_PID}) stops when its parent is gone. */
    private static void exitWithParent(String parentPid) {
        if (parentPid == null || parentPid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parentPid.trim())).map(ProcessHandle::onExit).ifPresentOrElse(
                exit -> exit.thenRun(() -> stop("its parent process " + parentPid + " ended")),
                () -> stop("its parent process " + parentPid + " is already gone"));
    }

    private static void stop(String why) {
        Logger.getLogger(WorkerMain.class.getName()).warning("trainer-worker stops: " + why
                + "; a job it is running goes back to the queue");
        System.exit(0);
    }
}

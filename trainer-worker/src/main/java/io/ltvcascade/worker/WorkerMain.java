package io.ltvcascade.worker;

import com.zaxxer.hikari.HikariDataSource;
import io.ltvcascade.worker.score.ScoringWarmup;
import java.util.logging.Logger;

/** Starts a trainer-worker process configured by environment variables (see {@link WorkerConfig}). */
public final class WorkerMain {

    private WorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        WorkerConfig config = WorkerConfig.fromEnvironment(System.getenv());
        exitWithParent(System.getenv("LTV_PARENT_PID"));
        ScoringWarmup.run();
        try (HikariDataSource dataSource = ConnectionPool.open(config)) {
            new WorkerLoop(config, dataSource).run();
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
                + "; a job it held is taken over by another worker when its lease expires");
        System.exit(0);
    }
}

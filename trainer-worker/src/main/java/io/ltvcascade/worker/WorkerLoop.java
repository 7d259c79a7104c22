package io.ltvcascade.worker;

import io.ltvcascade.worker.queue.ClaimedJob;
import io.ltvcascade.worker.queue.JobFailure;
import io.ltvcascade.worker.queue.JobKind;
import io.ltvcascade.worker.queue.JobQueue;
import io.ltvcascade.worker.queue.LeaseLost;
import io.ltvcascade.worker.queue.ShutdownSignal;
import io.ltvcascade.worker.score.ScoringRun;
import io.ltvcascade.worker.train.TrainingRun;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Claims one job at a time, scoring jobs first (they are short and someone usually waits for them), and runs it; records success, cancellation or failure (retried with backoff when it
 * may help). Never dies on a bad job: every error is logged with what happens next, and polling goes on.
 */
public final class WorkerLoop {

    private static final Logger LOG = Logger.getLogger(WorkerLoop.class.getName());
    /** PostgreSQL's SQLSTATE for "relation does not exist". */
    private static final String UNDEFINED_TABLE = "42P01";

    private final WorkerConfig config;
    private final List<Lane> lanes;
    private final ShutdownSignal shutdown;
    private boolean waitingForSchema;

    public WorkerLoop(WorkerConfig config, DataSource dataSource, ShutdownSignal shutdown) {
        this.config = config;
        this.shutdown = shutdown;
        JobQueue scoring = new JobQueue(dataSource, JobKind.SCORING);
        JobQueue training = new JobQueue(dataSource, JobKind.TRAINING);
        ScoringRun scoringRun = new ScoringRun(dataSource, scoring, config.lease(), shutdown);
        TrainingRun trainingRun = new TrainingRun(dataSource, training, config.lease(), shutdown);
        this.lanes = List.of(
                new Lane(scoring, job -> String.format("scored %,d rows", scoringRun.run(job))),
                new Lane(training, job -> "model " + job.modelId() + " version " + trainingRun.run(job)));
    }

    /** Polls until interrupted or the shutdown signal is raised (a running job is handed back first). */
    public void run() throws InterruptedException {
        LOG.info(() -> "worker " + config.workerId() + " polling for scoring and training jobs");
        while (!Thread.currentThread().isInterrupted() && !shutdown.raised()) {
            if (!runOnce() && shutdown.sleep(config.pollInterval())) {
                break;
            }
        }
        LOG.info(() -> "worker " + config.workerId() + " stopped polling");
    }

    /** Claims and runs at most one job; false when the queues had none (or could not be read). */
    public boolean runOnce() {
        for (Lane lane : lanes) {
            Optional<ClaimedJob> claimed;
            try {
                claimed = lane.queue().claim(config.workerId(), config.lease());
            } catch (SQLException e) {
                logPollFailure(e);
                return false;
            }
            if (claimed.isPresent()) {
                execute(lane, claimed.get());
                return true;
            }
        }
        return false;
    }

    /** A missing table means the schema is not migrated yet (the api migrates at start): one quiet line, no trace. */
    private void logPollFailure(SQLException e) {
        if (UNDEFINED_TABLE.equals(e.getSQLState())) {
            if (!waitingForSchema) {
                LOG.info("waiting for the database schema (the api applies the migrations when it starts)");
                waitingForSchema = true;
            }
            return;
        }
        LOG.log(Level.WARNING, "cannot poll the queue (" + e.getMessage() + "); trying again shortly", e);
    }

    private void execute(Lane lane, ClaimedJob job) {
        JobQueue queue = lane.queue();
        String name = queue.kind().label() + " " + job.id();
        LOG.info(() -> "claimed " + name + " (tenant " + job.tenantId() + ", attempt " + job.attempt() + " of "
                + job.maxAttempts() + ")");
        try {
            String outcome = lane.runner().run(job);
            LOG.info(() -> name + " succeeded: " + outcome);
        } catch (CancellationException e) {
            if (shutdown.raised()) {
                record(() -> queue.release(job.id(), job.worker()), name, "handed back to the queue as this worker "
                        + "stops (this attempt not counted; the next worker to claim it runs it from the start)");
            } else {
                record(() -> queue.cancelled(job.id(), job.worker()), name, "cancelled as requested");
            }
        } catch (LeaseLost e) {
            LOG.warning(e.getMessage() + "; this worker drops it without writing");
        } catch (JobFailure e) {
            fail(queue, job, name, e.getMessage(), e.retryable(), e);
        } catch (Exception | OutOfMemoryError e) {
            fail(queue, job, name, e.getClass().getSimpleName() + ": " + e.getMessage(), true, e);
        }
    }

    private void fail(JobQueue queue, ClaimedJob job, String name, String reason, boolean retryable, Throwable cause) {
        LOG.log(Level.WARNING, name + " failed: " + reason, cause);
        record(() -> {
            var outcome = queue.fail(job.id(), job.worker(), reason, retryable, config.retryBackoff());
            LOG.info(() -> name + ": " + switch (outcome) {
                case RETRY_SCHEDULED -> "will be retried after a backoff";
                case FAILED -> "failed for good (" + (retryable ? "no attempts left" : "not retryable") + ")";
                case NOT_OWNER -> "another worker owns it now; nothing recorded";
            });
            return true;
        }, name, "failure recorded");
    }

    private void record(SqlAction action, String name, String what) {
        try {
            action.run();
            LOG.info(() -> name + ": " + what);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, name + ": could not record the outcome (" + e.getMessage()
                    + "); its lease will expire and another attempt will run", e);
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        boolean run() throws SQLException;
    }

    /** Runs one claimed job to its end and says what it produced. */
    @FunctionalInterface
    private interface JobRunner {
        String run(ClaimedJob job) throws SQLException;
    }

    private record Lane(JobQueue queue, JobRunner runner) {}
}

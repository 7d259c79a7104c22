package io.ltvcascade.worker;

import io.ltvcascade.worker.queue.ClaimedJob;
import io.ltvcascade.worker.queue.JobQueue;
import io.ltvcascade.worker.train.JobFailure;
import io.ltvcascade.worker.train.LeaseLost;
import io.ltvcascade.worker.train.TrainingRun;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Claims one job at a time and runs it; records success, cancellation or failure (retried with backoff when it
 * may help). Never dies on a bad job: every error is logged with what happens next, and polling goes on.
 */
public final class WorkerLoop {

    private static final Logger LOG = Logger.getLogger(WorkerLoop.class.getName());

    private final WorkerConfig config;
    private final JobQueue queue;
    private final TrainingRun run;

    public WorkerLoop(WorkerConfig config, DataSource dataSource) {
        this.config = config;
        this.queue = new JobQueue(dataSource);
        this.run = new TrainingRun(dataSource, queue, config.lease());
    }

    /** Polls until interrupted. */
    public void run() throws InterruptedException {
        LOG.info(() -> "worker " + config.workerId() + " polling for training jobs");
        while (!Thread.currentThread().isInterrupted()) {
            if (!runOnce()) {
                Thread.sleep(config.pollInterval().toMillis());
            }
        }
    }

    /** Claims and runs at most one job; false when the queue had none (or could not be read). */
    public boolean runOnce() {
        Optional<ClaimedJob> claimed;
        try {
            claimed = queue.claim(config.workerId(), config.lease());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "cannot poll the queue (" + e.getMessage() + "); trying again shortly", e);
            return false;
        }
        claimed.ifPresent(this::execute);
        return claimed.isPresent();
    }

    private void execute(ClaimedJob job) {
        LOG.info(() -> "claimed training job " + job.id() + " (tenant " + job.tenantId() + ", attempt " + job.attempt()
                + " of " + job.maxAttempts() + ")");
        try {
            int version = run.run(job);
            LOG.info(() -> "job " + job.id() + " succeeded: model " + job.modelId() + " version " + version);
        } catch (CancellationException e) {
            record(() -> queue.cancelled(job.id(), job.worker()), job, "cancelled as requested");
        } catch (LeaseLost e) {
            LOG.warning(e.getMessage() + "; this worker drops it without writing");
        } catch (JobFailure e) {
            fail(job, e.getMessage(), e.retryable(), e);
        } catch (Exception | OutOfMemoryError e) {
            fail(job, e.getClass().getSimpleName() + ": " + e.getMessage(), true, e);
        }
    }

    private void fail(ClaimedJob job, String reason, boolean retryable, Throwable cause) {
        LOG.log(Level.WARNING, "job " + job.id() + " failed: " + reason, cause);
        record(() -> {
            var outcome = queue.fail(job.id(), job.worker(), reason, retryable, config.retryBackoff());
            LOG.info(() -> "job " + job.id() + ": " + switch (outcome) {
                case RETRY_SCHEDULED -> "will be retried after a backoff";
                case FAILED -> "failed for good (" + (retryable ? "no attempts left" : "not retryable") + ")";
                case NOT_OWNER -> "another worker owns it now; nothing recorded";
            });
            return true;
        }, job, "failure recorded");
    }

    private void record(SqlAction action, ClaimedJob job, String what) {
        try {
            action.run();
            LOG.info(() -> "job " + job.id() + ": " + what);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "job " + job.id() + ": could not record the outcome (" + e.getMessage()
                    + "); its lease will expire and another attempt will run", e);
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        boolean run() throws SQLException;
    }
}

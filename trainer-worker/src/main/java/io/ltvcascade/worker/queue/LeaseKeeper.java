package io.ltvcascade.worker.queue;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Keeps a claimed job's lease alive while it runs: a beat with progress at each milestone (an epoch, a chunk of
 * rows), and between milestones at most every {@link #BEAT_EVERY} when asked whether to stop. Throws
 * {@link LeaseLost} once another worker owns the job. A job stops when its cancellation was asked for or when this
 * worker is stopping ({@link ShutdownSignal}).
 */
public final class LeaseKeeper {

    /** Least time between two lease renewals made from inside a long loop. */
    private static final Duration BEAT_EVERY = Duration.ofSeconds(2);

    private final JobQueue queue;
    private final ClaimedJob job;
    private final Duration lease;
    private final ShutdownSignal shutdown;
    private long lastBeat = System.nanoTime();
    private boolean cancel;

    public LeaseKeeper(JobQueue queue, ClaimedJob job, Duration lease, ShutdownSignal shutdown) {
        this.queue = queue;
        this.job = job;
        this.lease = lease;
        this.shutdown = shutdown;
    }

    /** Renews the lease and stores {@code progressJson} as the job's progress. */
    public void beat(String progressJson) {
        send(progressJson);
    }

    /**
     * Whether the job should stop now, cancelled or because this worker is stopping (the caller throws
     * {@link java.util.concurrent.CancellationException} either way; the poll loop tells them apart); renews the
     * lease when the last beat is a while ago.
     */
    public boolean stopRequested() {
        if (System.nanoTime() - lastBeat > BEAT_EVERY.toNanos()) {
            send(null);
        }
        return cancel || shutdown.raised();
    }

    private void send(String progressJson) {
        try {
            Heartbeat beat = queue.heartbeat(job.id(), job.worker(), lease, progressJson);
            lastBeat = System.nanoTime();
            if (!beat.stillOwner()) {
                throw new LeaseLost(job.id());
            }
            cancel = beat.cancelRequested();
        } catch (SQLException e) {
            throw new JobFailure("heartbeat failed: " + e.getMessage(), true, e);
        }
    }
}

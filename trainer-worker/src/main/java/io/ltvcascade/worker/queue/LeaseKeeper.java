package io.ltvcascade.worker.queue;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Keeps a claimed job's lease alive while it runs: a beat with progress at each milestone (an epoch, a chunk of
 * rows), and between milestones at most every {@link #BEAT_EVERY} when asked whether to stop. Throws
 * {@link LeaseLost} once another worker owns the job.
 */
public final class LeaseKeeper {

    /** Least time between two lease renewals made from inside a long loop. */
    private static final Duration BEAT_EVERY = Duration.ofSeconds(2);

    private final JobQueue queue;
    private final ClaimedJob job;
    private final Duration lease;
    private long lastBeat = System.nanoTime();
    private boolean cancel;

    public LeaseKeeper(JobQueue queue, ClaimedJob job, Duration lease) {
        this.queue = queue;
        this.job = job;
        this.lease = lease;
    }

    /** Renews the lease and stores {@code progressJson} as the job's progress. */
    public void beat(String progressJson) {
        send(progressJson);
    }

    /** Whether cancellation was asked for, renewing the lease when the last beat is a while ago. */
    public boolean cancelRequested() {
        if (System.nanoTime() - lastBeat > BEAT_EVERY.toNanos()) {
            send(null);
        }
        return cancel;
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

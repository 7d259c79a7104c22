package io.ltvcascade.worker.queue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Raised once when the worker process is asked to stop (SIGTERM, or the process that started it is gone): the poll
 * loop stops polling, and a running job stops at its next check ({@link LeaseKeeper#stopRequested}) and goes back to
 * the queue ({@link JobQueue#release}) instead of holding its lease until it expires.
 */
public final class ShutdownSignal {

    private final CountDownLatch raised = new CountDownLatch(1);
    private final CountDownLatch workEnded = new CountDownLatch(1);
    private volatile boolean working;

    public boolean raised() {
        return raised.getCount() == 0;
    }

    /** Sleeps for {@code duration} or until the signal is raised; true when it was. */
    public boolean sleep(Duration duration) throws InterruptedException {
        return raised.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called by the worker's main thread as it starts its work and once it has finished (its pool closed). */
    public void workStarted() {
        working = true;
    }

    public void workEnded() {
        workEnded.countDown();
    }

    /**
     * Raises the signal and, when the worker's work has started, waits up to {@code limit} for it to hand back its job
     * and end; false when it did not in time.
     */
    public boolean raiseAndAwaitWork(Duration limit) throws InterruptedException {
        raised.countDown();
        return !working || workEnded.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}

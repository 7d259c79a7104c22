package io.ltvcascade.worker.queue;

/** What recording a failure did to the job. */
public enum JobOutcome {
    /** Re-queued after a backoff; another attempt will run. */
    RETRY_SCHEDULED,
    /** Failed for good: not retryable, or no attempts left. */
    FAILED,
    /** This worker no longer owns the job (its lease expired and another worker took over); nothing was written. */
    NOT_OWNER
}

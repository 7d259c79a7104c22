package io.ltvcascade.worker.queue;

/** A job that cannot succeed, with whether trying again could help (a deleted dataset never comes back). */
public class JobFailure extends RuntimeException {

    private final boolean retryable;

    public JobFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}

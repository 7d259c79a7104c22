package io.ltvcascade.worker.queue;

/** This worker's lease on a job expired and another worker owns it now: stop and write nothing. */
public class LeaseLost extends RuntimeException {
    public LeaseLost(long jobId) {
        super("lease of job " + jobId + " was lost; another worker owns it now");
    }
}

package io.ltvcascade.worker.queue;

/**
 * What a heartbeat learned: whether this worker still holds the lease (false: another worker took the job over
 * after the lease expired, so stop without writing anything) and whether cancellation was asked for.
 */
public record Heartbeat(boolean stillOwner, boolean cancelRequested) {}

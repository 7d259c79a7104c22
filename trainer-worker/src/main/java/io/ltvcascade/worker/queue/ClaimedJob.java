package io.ltvcascade.worker.queue;

import java.time.Instant;

/** A job this worker holds a lease on: its model and dataset, its config, and which attempt this is. */
public record ClaimedJob(long tenantId, long id, long modelId, long datasetId, int attempt, int maxAttempts,
        String configJson, String worker, Instant leaseExpiresAt) {}

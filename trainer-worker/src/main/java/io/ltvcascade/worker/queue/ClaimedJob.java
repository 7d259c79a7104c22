package io.ltvcascade.worker.queue;

import java.time.Instant;

/** A training job this worker holds a lease on: what to train, and which attempt this is. */
public record ClaimedJob(long tenantId, long id, long modelId, long datasetId, int attempt, int maxAttempts,
        String configJson, String worker, Instant leaseExpiresAt) {}

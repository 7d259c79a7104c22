package io.ltvcascade.api.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltvcascade.api.common.Json;
import java.time.Instant;
import java.util.Locale;

/**
 * A training job as the API shows it: status, attempts, live progress, the reason of a failure; a job queued by a
 * retraining schedule names the schedule and the fire time.
 */
public record TrainingJobResponse(
        long id, String model, long datasetId, String status, int attempts, int maxAttempts, boolean cancelRequested,
        JsonNode progress, String error, JsonNode config, Long scheduleId, Instant fireTime, Instant createdAt,
        Instant startedAt, Instant finishedAt) {

    static TrainingJobResponse from(TrainingJob j, String modelName, Json json) {
        return new TrainingJobResponse(j.id, modelName, j.datasetId, j.status.toLowerCase(Locale.ROOT), j.attempts,
                j.maxAttempts, j.cancelRequested, j.progress == null ? null : json.read(j.progress, JsonNode.class),
                j.error, json.read(j.config, JsonNode.class), j.scheduleId, j.fireTime, j.createdAt, j.startedAt, j.finishedAt);
    }
}

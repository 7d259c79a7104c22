package io.ltvcascade.api.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltvcascade.api.common.Json;
import java.time.Instant;
import java.util.Locale;

/**
 * A scoring job as the API shows it: which model version scores which dataset, status, live progress (rows scored),
 * and where its results are once it succeeded.
 */
public record ScoringJobResponse(
        long id, String model, int version, long datasetId, String status, int attempts, int maxAttempts,
        boolean cancelRequested, JsonNode progress, String error, Long resultRows, String resultsCsv,
        String resultsJson, Instant createdAt, Instant startedAt, Instant finishedAt) {

    static ScoringJobResponse from(ScoringJob j, String model, int version, Json json) {
        boolean done = ScoringJob.SUCCEEDED.equals(j.status);
        String results = "/api/v1/scoring-jobs/" + j.id + "/results";
        return new ScoringJobResponse(j.id, model, version, j.datasetId, j.status.toLowerCase(Locale.ROOT), j.attempts,
                j.maxAttempts, j.cancelRequested, j.progress == null ? null : json.read(j.progress, JsonNode.class),
                j.error, j.resultRows, done ? results + ".csv" : null, done ? results : null, j.createdAt, j.startedAt,
                j.finishedAt);
    }
}

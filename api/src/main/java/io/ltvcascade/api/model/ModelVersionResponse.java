package io.ltvcascade.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An immutable model version as the API shows it: its quality report, per-epoch history and lineage. */
public record ModelVersionResponse(
        long id, String model, int version, String status, long datasetId, long jobId, JsonNode qualityReport,
        JsonNode history, JsonNode lineage, JsonNode config, long artifactBytes, Instant createdAt) {}

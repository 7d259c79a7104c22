package io.ltvcascade.api.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltvcascade.api.common.Json;
import java.time.Instant;

/** A dataset version as the API shows it: schema (column roles), row count and label statistics. */
public record DatasetResponse(
        long id,
        String name,
        int version,
        long rowCount,
        long sizeBytes,
        String checksum,
        Instant createdAt,
        JsonNode schema,
        JsonNode labelStats) {

    static DatasetResponse from(Dataset d, Json json) {
        return new DatasetResponse(d.id, d.name, d.version, d.rowCount, d.sizeBytes, d.checksum, d.createdAt,
                json.read(d.schema, JsonNode.class), json.read(d.labelStats, JsonNode.class));
    }
}

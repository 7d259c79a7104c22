package io.ltvcascade.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltvcascade.api.common.Json;
import java.time.Instant;

/** A model as the API shows it, with its full configuration. */
public record ModelResponse(long id, String name, String modelType, JsonNode config, Instant createdAt) {

    static ModelResponse from(Model m, Json json) {
        return new ModelResponse(m.id, m.name, m.modelType, json.read(m.config, JsonNode.class), m.createdAt);
    }
}

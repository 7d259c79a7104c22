package io.ltvcascade.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.model.ccor.ModelConfig;
import io.ltvcascade.model.ccor.ModelJson;
import java.io.IOException;

/** Validates a requested model configuration with the model library and returns it with every default filled in. */
final class ModelConfigs {

    private ModelConfigs() {}

    /** The config as stored: the model library's JSON of the parsed config, all defaults explicit. */
    static String toJson(ModelConfig config) {
        try {
            return ModelJson.MAPPER.writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalStateException("a parsed model config always serialises", e);
        }
    }

    static ModelConfig validated(String modelType, JsonNode config) {
        ObjectNode merged = config == null || config.isNull() ? ModelJson.MAPPER.createObjectNode()
                : requireObject(config).deepCopy();
        if (modelType != null) {
            merged.put("model_type", modelType);
        }
        try {
            return ModelJson.MAPPER.treeToValue(merged, ModelConfig.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw ProblemException.unprocessable("invalid-model-config", "config is invalid: " + message(cause),
                    "field", "config");
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("invalid-model-config", "config is invalid: " + e.getMessage(),
                    "field", "config");
        }
    }

    private static ObjectNode requireObject(JsonNode config) {
        if (!(config instanceof ObjectNode object)) {
            throw ProblemException.unprocessable("invalid-model-config", "config must be a JSON object", "field", "config");
        }
        return object;
    }

    private static String message(Throwable e) {
        String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}

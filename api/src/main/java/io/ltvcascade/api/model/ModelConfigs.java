package io.ltvcascade.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltvcascade.api.common.JsonMergePatch;
import io.ltvcascade.api.common.JsonMismatch;
import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.model.ccor.ModelConfig;
import io.ltvcascade.model.ccor.ModelJson;
import java.io.IOException;

/** Validates a requested model configuration with the model library and returns it with every default filled in. */
public final class ModelConfigs {

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
        return validated(modelType, config, "config");
    }

    /**
     * The model's config with {@code override} merged in (a JSON merge patch, e.g. {@code {"training":{"epochs":5}}}),
     * validated and serialised like a model's own config; {@code field} names the override in errors.
     */
    public static String withOverride(Model model, JsonNode override, String field) {
        if (override == null || override.isNull()) {
            return model.config;
        }
        JsonNode type = requireObject(override, field).get("model_type");
        if (type != null && !type.asText().equals(model.modelType)) {
            throw ProblemException.unprocessable("invalid-model-config", "the override cannot change the model type ("
                    + model.modelType + ")", "field", field + ".model_type");
        }
        try {
            JsonNode base = ModelJson.MAPPER.readTree(model.config);
            return toJson(validated(model.modelType, JsonMergePatch.apply(base, override), field));
        } catch (IOException e) {
            throw new IllegalStateException("stored model config of " + model.name + " is not JSON", e);
        }
    }

    private static ModelConfig validated(String modelType, JsonNode config, String field) {
        ObjectNode merged = config == null || config.isNull() ? ModelJson.MAPPER.createObjectNode()
                : requireObject(config, field).deepCopy();
        if (modelType != null) {
            merged.put("model_type", modelType);
        }
        try {
            return ModelJson.MAPPER.treeToValue(merged, ModelConfig.class);
        } catch (MismatchedInputException e) {
            String path = JsonMismatch.path(e, field);
            throw ProblemException.unprocessable("invalid-model-config", JsonMismatch.detail(e, path), "field", path);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw ProblemException.unprocessable("invalid-model-config", field + " is invalid: " + message(cause),
                    "field", field);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("invalid-model-config", field + " is invalid: " + e.getMessage(),
                    "field", field);
        }
    }

    private static ObjectNode requireObject(JsonNode config, String field) {
        if (!(config instanceof ObjectNode object)) {
            throw ProblemException.unprocessable("invalid-model-config", field + " must be a JSON object", "field", field);
        }
        return object;
    }

    private static String message(Throwable e) {
        String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}

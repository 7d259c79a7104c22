package io.ltvcascade.api.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The config a training job carries, which the worker reads back: the model config, the split and the seed. */
public final class JobConfigs {

    private JobConfigs() {}

    /** {@code seed} may be null (the model config's seed then applies). */
    public static Map<String, Object> of(JsonNode modelConfig, SplitRequest split, Long seed) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model", modelConfig);
        config.put("split", split);
        if (seed != null) {
            config.put("seed", seed);
        }
        return config;
    }
}

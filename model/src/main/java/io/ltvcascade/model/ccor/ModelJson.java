package io.ltvcascade.model.ccor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON dialect of configs, artifacts and quality reports: snake_case, like the REST API; unknown fields and
 * fractions where a whole number belongs ({@code "epochs": 2.5}) are refused, not ignored or cut.
 */
public final class ModelJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .configure(SerializationFeature.INDENT_OUTPUT, true);

    private ModelJson() {}
}

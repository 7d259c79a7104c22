package io.ltvcascade.model.ccor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The JSON dialect of configs, artifacts and quality reports: snake_case, like the REST API; unknown fields and
 * values of the wrong JSON type ({@link #strictTypes}) are refused, not ignored or converted.
 */
public final class ModelJson {

    public static final ObjectMapper MAPPER = strictTypes(new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(SerializationFeature.INDENT_OUTPUT, true));

    private ModelJson() {}

    /**
     * Makes {@code mapper} bind values of the JSON type their field has, and only those: a fraction where a whole
     * number belongs ({@code "epochs": 2.5}) is not cut, and a string where a number or true/false belongs
     * ({@code "epochs": "5"}), or a number or true/false where a string belongs, is not converted. The REST API's
     * request bodies follow the same rule.
     */
    public static ObjectMapper strictTypes(ObjectMapper mapper) {
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}

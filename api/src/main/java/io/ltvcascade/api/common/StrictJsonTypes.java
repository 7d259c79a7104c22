package io.ltvcascade.api.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvcascade.model.ccor.ModelJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies bind values of their field's JSON type only, as model configs do ({@link ModelJson#strictTypes}):
 * {@code "dataset_id": 1.5} must not score dataset 1, and {@code "dataset_id": "1"} or {@code "name": 7} is refused
 * with a problem naming the field instead of being converted.
 */
@Singleton
public class StrictJsonTypes implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        ModelJson.strictTypes(mapper);
    }
}

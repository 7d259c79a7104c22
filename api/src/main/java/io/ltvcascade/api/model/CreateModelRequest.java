package io.ltvcascade.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of POST /api/v1/models: a name, the model type ({@code ccor} by default, or {@code ziln}, {@code mse_log},
 * {@code two_stage}) and an optional training configuration in the model library's JSON form.
 */
public record CreateModelRequest(String name, String modelType, JsonNode config) {}

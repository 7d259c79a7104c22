package io.ltvcascade.model.features;

import io.ltvcascade.model.data.Table;
import java.util.List;

/**
 * Rows read for scoring: the table the pipeline encodes, and the input columns it ignored because the model does
 * not use them (reported back to callers as a warning, never an error).
 */
public record PredictionRows(Table table, List<String> ignoredColumns) {}

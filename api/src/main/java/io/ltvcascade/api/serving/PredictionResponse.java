package io.ltvcascade.api.serving;

import io.ltvcascade.model.scoring.ScoredCustomer;
import java.util.List;

/**
 * The answer to a predict request: which model version answered (and through which alias), one prediction per
 * customer in request order, and warnings about input that was ignored.
 */
public record PredictionResponse(String model, int version, String alias, List<ScoredCustomer> predictions,
        List<Warning> warnings) {

    /** Something in the request that did not stop scoring but the caller should know about. */
    public record Warning(String type, String detail, List<String> columns) {}
}

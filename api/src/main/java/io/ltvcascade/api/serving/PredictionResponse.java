package io.ltvcascade.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ltvcascade.model.scoring.ScoredCustomer;
import java.util.List;

/**
 * The answer to a predict request: which model version answered (and through which alias), one prediction per
 * customer in request order, and warnings about input that was ignored or looks like a mistake.
 */
public record PredictionResponse(String model, int version, String alias, List<ScoredCustomer> predictions,
        List<Warning> warnings) {

    /**
     * Something in the request that did not stop scoring but the caller should know about: the columns or the
     * customer ids it concerns.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Warning(String type, String detail, List<String> columns, List<String> customerIds) {}
}

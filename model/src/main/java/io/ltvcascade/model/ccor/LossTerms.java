package io.ltvcascade.model.ccor;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/** The total loss to differentiate and its named terms (as scalars) for progress reports. */
public record LossTerms(NDArray total, Map<String, NDArray> terms) {

    public Map<String, Double> values() {
        Map<String, Double> values = new LinkedHashMap<>();
        terms.forEach((name, term) -> values.put(name, (double) term.getFloat()));
        values.put("total", (double) total.getFloat());
        return values;
    }
}

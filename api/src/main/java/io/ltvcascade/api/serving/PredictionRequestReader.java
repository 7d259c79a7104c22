package io.ltvcascade.api.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.model.features.FeaturePipeline;
import io.ltvcascade.model.features.PredictionInput;
import io.ltvcascade.model.features.PredictionRows;
import io.ltvcascade.model.features.PredictionTableBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a predict request body into rows to score: a JSON object (one customer) or array of objects keyed by the
 * dataset's column names, or a CSV with a header. Features a customer lacks (or sends as null) are imputed as in
 * training; fields the model does not use are listed, not refused; a value of the wrong type is a 422 naming the
 * row (0-based position in the request) and the field.
 */
@ApplicationScoped
public class PredictionRequestReader {

    private final ObjectMapper mapper;

    public PredictionRequestReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    PredictionRows read(String contentType, byte[] body, String idColumn, FeaturePipeline pipeline) {
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            return PredictionInput.readCsv(new ByteArrayInputStream(body), idColumn, pipeline);
        }
        return readJson(body, new PredictionTableBuilder(idColumn, pipeline));
    }

    private PredictionRows readJson(byte[] body, PredictionTableBuilder builder) {
        JsonNode root = parse(body);
        List<JsonNode> customers = new ArrayList<>();
        if (root.isObject()) {
            customers.add(root);
        } else if (root.isArray()) {
            root.forEach(customers::add);
        } else {
            throw ProblemException.badRequest("the body must be a JSON object (one customer) or an array of objects");
        }
        if (customers.isEmpty()) {
            throw ProblemException.unprocessable("no-customers", "the request holds no customers to score");
        }
        TreeSet<String> ignored = new TreeSet<>();
        for (int row = 0; row < customers.size(); row++) {
            readCustomer(customers.get(row), row, builder, ignored);
        }
        return new PredictionRows(builder.build(), List.copyOf(ignored));
    }

    private JsonNode parse(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("the request body is not valid JSON: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
    }

    private static void readCustomer(JsonNode customer, int row, PredictionTableBuilder builder, TreeSet<String> ignored) {
        if (!customer.isObject()) {
            throw invalid(row, null, "customer " + row + " is " + customer.getNodeType().name().toLowerCase()
                    + ", not a JSON object");
        }
        builder.startRow(idOf(customer, row, builder.idColumn()));
        for (Iterator<Map.Entry<String, JsonNode>> it = customer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals(builder.idColumn()) || value.isNull()) {
                continue;
            }
            if (builder.isNumeric(name)) {
                if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                    throw invalid(row, name, "customer " + row + ": '" + name + "' is a numeric feature but got " + value);
                }
                builder.setNumber(name, value.doubleValue());
            } else if (builder.isCategorical(name)) {
                if (!value.isTextual() && !value.isIntegralNumber()) {
                    throw invalid(row, name, "customer " + row + ": '" + name + "' is a categorical feature and takes a "
                            + "string (or whole number), got " + value);
                }
                builder.setText(name, value.asText());
            } else {
                ignored.add(name);
            }
        }
    }

    private static String idOf(JsonNode customer, int row, String idColumn) {
        JsonNode id = customer.get(idColumn);
        if (id == null || id.isNull() || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            throw invalid(row, idColumn, "customer " + row + " needs its id in '" + idColumn + "' (a string or whole "
                    + "number)" + (id == null ? "" : ", got " + id));
        }
        return id.asText();
    }

    private static ProblemException invalid(int row, String field, String detail) {
        return field == null ? ProblemException.unprocessable("invalid-customer", detail, "row", row)
                : ProblemException.unprocessable("invalid-customer", detail, "row", row, "field", field);
    }
}

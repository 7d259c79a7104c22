package io.ltvcascade.api.serving;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.model.features.PredictionInput;
import io.ltvcascade.model.features.PredictionLayout;
import io.ltvcascade.model.features.PredictionRows;
import io.ltvcascade.model.features.PredictionTableBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
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

    PredictionRows read(String contentType, byte[] body, PredictionLayout layout) {
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            return PredictionInput.readCsv(new ByteArrayInputStream(body), layout);
        }
        return readJson(body, new PredictionTableBuilder(layout));
    }

    /** Streams the JSON (no tree of nodes: on 1,000 customers building one cost more than reading them). */
    private PredictionRows readJson(byte[] body, PredictionTableBuilder builder) {
        FieldSlots fields = new FieldSlots(builder);
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                readCustomer(parser, 0, fields);
            } else if (first == JsonToken.START_ARRAY) {
                int row = 0;
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    if (token != JsonToken.START_OBJECT) {
                        throw invalid(row, null, "customer " + row + " is " + describe(parser, token) + ", not a JSON object");
                    }
                    readCustomer(parser, row++, fields);
                }
            } else {
                throw ProblemException.badRequest("the body must be a JSON object (one customer) or an array of objects");
            }
            if (parser.nextToken() != null) {
                throw ProblemException.badRequest("the request body is not valid JSON: content after the end of the "
                        + (first == JsonToken.START_OBJECT ? "object" : "array"));
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("the request body is not valid JSON: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
        if (builder.rows() == 0) {
            throw ProblemException.unprocessable("no-customers", "the request holds no customers to score");
        }
        return new PredictionRows(builder.build(), List.copyOf(fields.ignored));
    }

    /**
     * Reads one customer object (the parser is on its START_OBJECT) straight into a new row; its id may come after
     * its features.
     */
    private static void readCustomer(JsonParser parser, int row, FieldSlots fields) throws IOException {
        PredictionTableBuilder builder = fields.builder;
        builder.startRow();
        boolean hasId = false;
        for (int at = 0; parser.nextToken() == JsonToken.FIELD_NAME; at++) {
            String name = parser.currentName();
            int slot = fields.slotAt(at, name);
            JsonToken token = parser.nextToken();
            if (slot == PredictionLayout.ID) {
                builder.setId(idOf(parser, token, row, name));
                hasId = true;
            } else if (slot == PredictionLayout.IGNORED) {
                parser.skipChildren();
            } else if (token == JsonToken.VALUE_NULL) {
                continue;
            } else if (builder.isNumeric(slot)) {
                builder.setNumber(slot, number(parser, token, row, name));
            } else if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
                builder.setText(slot, parser.getText());
            } else {
                throw invalid(row, name, "customer " + row + ": '" + name + "' is a categorical feature and takes a "
                        + "string (or whole number), got " + describe(parser, token));
            }
        }
        if (!hasId) {
            throw invalid(row, builder.idColumn(), "customer " + row + " needs its id in '" + builder.idColumn()
                    + "' (a string or whole number)");
        }
    }

    /**
     * Field name → builder slot, remembered by position: customers of one request nearly always list their fields
     * in the same order, and the parser hands out the same String instance for a repeated name, so a field is
     * usually found by one reference comparison instead of hashing its name. Collects the names that are not
     * features of the model (each is looked up at least once).
     */
    private static final class FieldSlots {
        private static final int REMEMBERED = 256;
        final PredictionTableBuilder builder;
        final Set<String> ignored = new TreeSet<>();
        private final String[] names = new String[REMEMBERED];
        private final int[] slots = new int[REMEMBERED];

        FieldSlots(PredictionTableBuilder builder) {
            this.builder = builder;
        }

        int slotAt(int position, String name) {
            if (position < REMEMBERED && names[position] == name) {
                return slots[position];
            }
            int slot = builder.slotOf(name);
            if (slot == PredictionLayout.IGNORED) {
                ignored.add(name);
            }
            if (position < REMEMBERED) {
                names[position] = name;
                slots[position] = slot;
            }
            return slot;
        }
    }

    private static double number(JsonParser parser, JsonToken token, int row, String name) throws IOException {
        double value = token.isNumeric() ? parser.getDoubleValue() : Double.NaN;
        if (!Double.isFinite(value)) {
            throw invalid(row, name, "customer " + row + ": '" + name + "' is a numeric feature but got "
                    + describe(parser, token));
        }
        return value;
    }

    private static String idOf(JsonParser parser, JsonToken token, int row, String idColumn) throws IOException {
        boolean usable = token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT;
        if (!usable || parser.getText().isBlank()) {
            throw invalid(row, idColumn, "customer " + row + " needs its id in '" + idColumn + "' (a string or whole "
                    + "number), got " + describe(parser, token));
        }
        return parser.getText();
    }

    /** A value as an error message shows it: strings quoted, objects and arrays by kind. */
    private static String describe(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> '"' + parser.getText() + '"';
            default -> parser.getText();
        };
    }

    private static ProblemException invalid(int row, String field, String detail) {
        return field == null ? ProblemException.unprocessable("invalid-customer", detail, "row", row)
                : ProblemException.unprocessable("invalid-customer", detail, "row", row, "field", field);
    }
}

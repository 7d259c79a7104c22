package io.ltvcascade.api.common;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;

/**
 * A JSON request body that parses but does not fit the call (a string where a number belongs, an array for an
 * object): names the field by its path in the body ({@code split.train_folds[0]}) and the kind of value it needs.
 */
final class JsonMismatch {

    private JsonMismatch() {}

    static ProblemException problem(MismatchedInputException e) {
        String path = path(e);
        String needs = describe(e.getTargetType());
        String got = e instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
                ? ", got \"" + text + "\"" : "";
        if (path.isEmpty()) {
            return ProblemException.unprocessable("invalid-body", "the request body must be " + needs + got);
        }
        return ProblemException.unprocessable("invalid-body", "'" + path + "' must be " + needs + got, "field", path);
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "an object" : "of another type";
    }
}

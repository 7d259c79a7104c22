package io.ltvcascade.api.common;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * JSON that parses but does not fit what it is bound to (a string where a number belongs, an array for an object, a
 * field the type does not have): names the field by its path ({@code split.train_folds[0]}) and what it needs.
 */
public final class JsonMismatch {

    private JsonMismatch() {}

    /** The problem for a request body that does not fit its call. */
    static ProblemException problem(MismatchedInputException e) {
        String path = path(e, "");
        return ProblemException.unprocessable("invalid-body", detail(e, path), "field", path.isEmpty() ? null : path);
    }

    /** Where in the JSON it went wrong, below {@code prefix} (the JSON's own place in the request, or empty). */
    public static String path(MismatchedInputException e, String prefix) {
        StringBuilder path = new StringBuilder(prefix);
        for (Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What is wrong at {@code path} (as {@link #path} gave it), for a problem's detail. */
    public static String detail(MismatchedInputException e, String path) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
            return "'" + path + "' is not a field here (known: " + known + ")";
        }
        String got = e instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
                ? ", got \"" + text + "\"" : "";
        return (path.isEmpty() ? "the request body" : "'" + path + "'") + " must be " + describe(e.getTargetType())
                + got;
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
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return type.isPrimitive() ? "of another type" : "an object";
    }
}

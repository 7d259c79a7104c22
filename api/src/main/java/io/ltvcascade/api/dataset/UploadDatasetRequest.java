package io.ltvcascade.api.dataset;

import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.model.data.ColumnRole;
import io.ltvcascade.model.data.UploadSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parameters of an upload (query parameters for a text/csv body, form fields for multipart): the dataset
 * name, its id and label columns, and optional comma-separated lists overriding inferred roles.
 */
public record UploadDatasetRequest(
        String name, String idColumn, String labelColumn, String ignore, String numeric, String categorical) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** Validates the parameters (400 naming the field) and turns them into the model library's spec. */
    public UploadSpec toSpec(int maxCategories) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ProblemException.badRequest("name must be 1-128 letters, digits, dots, dashes or underscores", "field", "name");
        }
        require(idColumn, "id_column");
        require(labelColumn, "label_column");
        Map<String, ColumnRole> roles = new LinkedHashMap<>();
        put(roles, numeric, ColumnRole.NUMERIC, "numeric");
        put(roles, categorical, ColumnRole.CATEGORICAL, "categorical");
        List<String> ignorePatterns = new ArrayList<>();
        for (String pattern : split(ignore)) {
            if (pattern.contains("*")) {
                ignorePatterns.add(pattern);
            } else {
                put(roles, pattern, ColumnRole.IGNORED, "ignore");
            }
        }
        return new UploadSpec(idColumn, labelColumn, roles, ignorePatterns, maxCategories);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field + " is required: the name of that column in the CSV header",
                    "field", field);
        }
    }

    private static void put(Map<String, ColumnRole> roles, String columns, ColumnRole role, String field) {
        for (String column : split(columns)) {
            ColumnRole earlier = roles.put(column, role);
            if (earlier != null && earlier != role) {
                throw ProblemException.badRequest("column '" + column + "' is given two roles: "
                        + earlier.wireName() + " and " + role.wireName(), "field", field);
            }
        }
    }

    private static List<String> split(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

package io.ltvcascade.model.data;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the uploader says about a CSV: the id and label columns, explicit roles for other columns, and
 * name patterns of columns to ignore ({@code *} matches any run of characters, e.g. {@code label_*}).
 *
 * @param maxCategories a text column with more distinct values than this is inferred as ignored, not categorical
 */
public record UploadSpec(
        String idColumn, String labelColumn, Map<String, ColumnRole> roles, List<String> ignorePatterns, int maxCategories) {

    public static final int DEFAULT_MAX_CATEGORIES = 1000;

    public UploadSpec {
        roles = Map.copyOf(roles);
        ignorePatterns = List.copyOf(ignorePatterns);
    }

    public static UploadSpec of(String idColumn, String labelColumn) {
        return new UploadSpec(idColumn, labelColumn, Map.of(), List.of(), DEFAULT_MAX_CATEGORIES);
    }

    public UploadSpec ignoring(String... patterns) {
        return new UploadSpec(idColumn, labelColumn, roles, List.of(patterns), maxCategories);
    }

    public UploadSpec withRoles(Map<String, ColumnRole> explicitRoles) {
        return new UploadSpec(idColumn, labelColumn, explicitRoles, ignorePatterns, maxCategories);
    }

    /** True when {@code column} matches one of the ignore patterns. */
    public boolean ignores(String column) {
        return ignorePatterns.stream().anyMatch(p -> matches(p, column));
    }

    private static boolean matches(String pattern, String name) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return name.matches(regex.toString());
    }
}

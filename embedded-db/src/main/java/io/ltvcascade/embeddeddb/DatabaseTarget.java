package io.ltvcascade.embeddeddb;

import java.util.Map;
import java.util.Optional;

/**
 * Which PostgreSQL the platform talks to: an external server when one is configured
 * ({@code LTV_DB_URL} or {@code QUARKUS_DATASOURCE_JDBC_URL} / {@code quarkus.datasource.jdbc.url}), else the embedded one.
 */
public record DatabaseTarget(String jdbcUrl, String username, String password) {

    /** The external server configured in {@code env} or the system properties, if any. */
    public static Optional<DatabaseTarget> external(Map<String, String> env) {
        String url = firstNonBlank(
                System.getProperty("quarkus.datasource.jdbc.url"),
                env.get("QUARKUS_DATASOURCE_JDBC_URL"),
                env.get("LTV_DB_URL"));
        if (url == null) {
            return Optional.empty();
        }
        String user = firstNonBlank(
                System.getProperty("quarkus.datasource.username"),
                env.get("QUARKUS_DATASOURCE_USERNAME"),
                env.get("LTV_DB_USER"));
        String password = firstNonBlank(
                System.getProperty("quarkus.datasource.password"),
                env.get("QUARKUS_DATASOURCE_PASSWORD"),
                env.get("LTV_DB_PASSWORD"));
        return Optional.of(new DatabaseTarget(url, user, password));
    }

    /** Publishes this target as Quarkus datasource system properties (read when Quarkus starts). */
    public void publishAsQuarkusDatasource() {
        System.setProperty("quarkus.datasource.jdbc.url", jdbcUrl);
        if (username != null) {
            System.setProperty("quarkus.datasource.username", username);
        }
        if (password != null) {
            System.setProperty("quarkus.datasource.password", password);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}

package io.ltvcascade.worker;

import java.time.Duration;
import java.util.Map;

/**
 * The worker's settings, from environment variables.
 *
 * @param dbUrl {@code LTV_DB_URL}: the platform's PostgreSQL (credentials in the URL or {@code LTV_DB_USER} /
 *     {@code LTV_DB_PASSWORD})
 * @param workerId {@code LTV_WORKER_ID}, default host name and process id
 * @param lease {@code LTV_WORKER_LEASE_SECONDS} (default 60): a job whose worker stops heartbeating for this long
 *     is taken over by another worker
 * @param pollInterval {@code LTV_WORKER_POLL_SECONDS} (default 2): wait between polls of an empty queue
 * @param retryBackoff {@code LTV_WORKER_BACKOFF_SECONDS} (default 30): first retry delay, doubled per attempt
 */
public record WorkerConfig(String dbUrl, String dbUser, String dbPassword, String workerId, Duration lease,
        Duration pollInterval, Duration retryBackoff) {

    public static WorkerConfig fromEnvironment(Map<String, String> env) {
        String url = env.get("LTV_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("set LTV_DB_URL to the platform's PostgreSQL JDBC URL");
        }
        String id = env.getOrDefault("LTV_WORKER_ID", hostName() + "-" + ProcessHandle.current().pid());
        return new WorkerConfig(url, env.get("LTV_DB_USER"), env.get("LTV_DB_PASSWORD"), id,
                seconds(env, "LTV_WORKER_LEASE_SECONDS", 60), seconds(env, "LTV_WORKER_POLL_SECONDS", 2),
                seconds(env, "LTV_WORKER_BACKOFF_SECONDS", 30));
    }

    private static Duration seconds(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        try {
            return Duration.ofSeconds(v == null ? fallback : Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds, got '" + v + "'");
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "worker";
        }
    }
}

package io.ltvcascade.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.ltvcascade.embeddeddb.TestDatabase;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Starts the packaged parts of the platform as processes on a test database, and waits for what they do. */
final class Platform {

    static final Path ROOT = Path.of(System.getProperty("ltv.project.root", "..")).toAbsolutePath();
    private static final String API_JAR = "api/target/quarkus-app/quarkus-run.jar";
    static final String SCHEDULER_JAR = "scheduler/target/quarkus-app/quarkus-run.jar";
    private static final String WORKER_JAR = "trainer-worker/target/ltv-trainer-worker.jar";

    private Platform() {}

    /** {@code java -jar jar} (relative to the project root) on {@code database}, its output in {@code target/log}. */
    static Process launch(String jar, TestDatabase database, Map<String, String> env, String log) throws IOException {
        Map<String, String> all = new HashMap<>(env);
        all.put("LTV_DB_URL", database.jdbcUrl());
        if (database.username() != null) {
            all.put("LTV_DB_USER", database.username());
            all.put("LTV_DB_PASSWORD", database.password());
        }
        return launch(jar, all, log);
    }

    /**
     * The packaged api on {@code port} with the operator key on its embedded default: its own PostgreSQL with the
     * data in {@code dataDir}, as the run command starts it (without the children).
     */
    static Process embeddedApi(Path dataDir, int port, String operatorKey, String log) throws IOException {
        return launch(API_JAR, Map.of("LTV_DATA_DIR", dataDir.toString(), "LTV_HTTP_PORT", String.valueOf(port),
                "LTV_ADMIN_KEY", operatorKey), log);
    }

    private static Process launch(String jar, Map<String, String> env, String log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ROOT.resolve(jar).toString())
                .redirectErrorStream(true).redirectOutput(new File("target/" + log));
        // a database named by the environment this test runs in is not the one meant here
        builder.environment().keySet().removeIf(name -> name.startsWith("LTV_DB_") || name.startsWith("QUARKUS_DATASOURCE"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The packaged api on {@code port} with the operator key, and (when asked) its trainer-worker child. */
    static Process api(TestDatabase database, int port, String operatorKey, boolean withWorker, String log)
            throws IOException {
        Map<String, String> env = new HashMap<>(Map.of("LTV_HTTP_PORT", String.valueOf(port),
                "LTV_ADMIN_KEY", operatorKey));
        if (withWorker) {
            env.put("LTV_WORKER_JAR", ROOT.resolve(WORKER_JAR).toString());
            env.put("LTV_WORKER_POLL_SECONDS", "1");
        }
        return launch(API_JAR, database, env, log);
    }

    /** The CDNOW customer table of the shared test data. */
    static Path cdnow() {
        Path cdnow = ROOT.resolve("../shared/data/cdnow/ltv_table.csv").normalize();
        if (!Files.isRegularFile(cdnow)) {
            fail("test data " + cdnow + " is missing: the tests need ../shared/data beside the project checkout");
        }
        return cdnow;
    }

    /** A request with {@code key} as its bearer token. */
    static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void stop(Process process) throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }

    /** Polls {@code condition} (exceptions count as not yet) until it holds; fails when a watched process died. */
    static void waitFor(Callable<Boolean> condition, Duration limit, String what, Process... watched) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception notYet) {
                // the server may not be listening yet
            }
            for (Process p : watched) {
                if (!p.isAlive()) {
                    fail("a process exited (code " + p.exitValue() + ") while waiting for " + what + "; see target/*.log");
                }
            }
            if (Instant.now().isAfter(deadline)) {
                fail("gave up waiting for " + what + " (see target/*.log)");
            }
            Thread.sleep(250);
        }
    }
}

package io.ltvcascade.e2e;

import static io.ltvcascade.e2e.Platform.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged api on its embedded default, as the run command starts it: it starts its own PostgreSQL, keeps the
 * data across a restart, and on SIGTERM lets a request under way finish and stops that server only after itself, so
 * that nothing of the api sees its connections cut while stopping and the server shuts down cleanly.
 */
class EmbeddedDefaultIT {

    private static final String OPERATOR = "ltv_0000000000e4_e2e-operator-key-not-for-production";

    @Test
    void shouldKeepItsDataAndStopItsDatabaseAfterItself(@TempDir Path dataDir) throws Exception {
        RestAssured.port = Platform.freePort();
        Process first = start(dataDir, "e2e-embedded-first.log");
        long tenant = as(OPERATOR).contentType("application/json").body(Map.of("name", "kept"))
                .post("/api/v1/tenants").then().statusCode(201).extract().jsonPath().getLong("id");
        String key = as(OPERATOR).contentType("application/json").body(Map.of("name", "k", "scopes", List.of("train")))
                .post("/api/v1/tenants/" + tenant + "/keys").then().statusCode(201).extract().jsonPath().getString("key");
        // an upload still arriving when the api is told to stop is answered (within the shutdown timeout), not cut
        CompletableFuture<Integer> upload = CompletableFuture.supplyAsync(() -> slowUpload(key));
        Thread.sleep(1500);
        stopAndCheck(first, dataDir, "e2e-embedded-first.log");
        assertEquals(201, upload.get(1, TimeUnit.MINUTES), "the upload under way at SIGTERM was stored");

        Process second = start(dataDir, "e2e-embedded-second.log");
        try {
            assertEquals("kept", as(OPERATOR).get("/api/v1/tenants/" + tenant).then().statusCode(200)
                    .extract().jsonPath().getString("name"));
            assertEquals(List.of("slow"), as(key).get("/api/v1/datasets").then().statusCode(200)
                    .extract().jsonPath().getList("items.name"));
        } finally {
            stopAndCheck(second, dataDir, "e2e-embedded-second.log");
        }
    }

    /** Uploads CDNOW (3.2 MB) in 64 KB pieces 100 ms apart, about five seconds; the answer's status. */
    private static int slowUpload(String key) {
        try (InputStream csv = Files.newInputStream(Platform.cdnow())) {
            InputStream slow = new FilterInputStream(csv) {
                private long sincePause;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (sincePause >= 64 * 1024) {
                        sincePause = 0;
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new InterruptedIOException();
                        }
                    }
                    int n = super.read(b, off, len);
                    sincePause += Math.max(n, 0);
                    return n;
                }
            };
            return as(key).contentType("text/csv").body(slow).queryParam("name", "slow")
                    .queryParam("id_column", "customer_id").queryParam("label_column", "label")
                    .post("/api/v1/datasets").statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process start(Path dataDir, String log) throws Exception {
        Process api = Platform.embeddedApi(dataDir, RestAssured.port, OPERATOR, log);
        Platform.waitFor(() -> given().get("/q/health/ready").statusCode() == 200, Duration.ofMinutes(2),
                "the api on its embedded database to start", api);
        return api;
    }

    private static void stopAndCheck(Process api, Path dataDir, String log) throws Exception {
        api.destroy(); // SIGTERM
        assertTrue(api.waitFor(1, TimeUnit.MINUTES), "the api stops within a minute of SIGTERM");
        List<String> lines = Files.readAllLines(Path.of("target", log));
        assertTrue(lines.stream().anyMatch(l -> l.contains("ltv-api stopped")), "the api stopped cleanly; see target/" + log);
        assertFalse(lines.stream().anyMatch(l -> l.contains("terminating connection due to administrator command")),
                "the database stopped while the api still used it; see target/" + log);
        // PostgreSQL removes its pid file when it has shut down
        assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "the embedded PostgreSQL has stopped");
    }
}

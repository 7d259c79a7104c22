package io.ltvcascade.e2e;

import static io.ltvcascade.e2e.Platform.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltvcascade.embeddeddb.TestDatabase;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole flow over real HTTP against the packaged api with its trainer-worker child: upload CDNOW, create a
 * model, train, watch it succeed, read the version's report, make it champion; score the dataset in batch, offline
 * and online with identical numbers; then cancel a running job.
 */
class TrainingFlowIT {

    private static final String OPERATOR = "ltv_0000000000e2_e2e-operator-key-not-for-production";

    private static TestDatabase database;
    private static Process api;

    @BeforeAll
    static void startPlatform() throws Exception {
        database = TestDatabase.create();
        int port = Platform.freePort();
        api = Platform.api(database, port, OPERATOR, true, "e2e-platform.log");
        RestAssured.port = port;
        // JSON numbers as doubles, so predictions compare at full precision
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
        waitFor(() -> given().get("/q/health/ready").statusCode() == 200, Duration.ofMinutes(2), "the api to start");
    }

    @AfterAll
    static void stopPlatform() throws InterruptedException {
        Platform.stop(api);
        database.close();
    }

    @Test
    void shouldUploadTrainFollowAndPromoteOverHttp() throws Exception {
        long tenant = as(OPERATOR).contentType("application/json").body(Map.of("name", "e2e"))
                .post("/api/v1/tenants").then().statusCode(201).extract().jsonPath().getLong("id");
        String key = as(OPERATOR).contentType("application/json")
                .body(Map.of("name", "ds", "scopes", List.of("train", "predict")))
                .post("/api/v1/tenants/" + tenant + "/keys").then().statusCode(201).extract().jsonPath().getString("key");
        Path cdnow = Platform.cdnow();
        long dataset = as(key).contentType("text/csv").body(cdnow.toFile())
                .queryParam("name", "cdnow").queryParam("id_column", "customer_id").queryParam("label_column", "label")
                .queryParam("ignore", "fold,label_*").post("/api/v1/datasets")
                .then().statusCode(201).body("row_count", equalTo(23_570)).extract().jsonPath().getLong("id");
        as(key).contentType("application/json")
                .body(Map.of("name", "cdnow-ccor", "config", Map.of("training", Map.of("epochs", 3))))
                .post("/api/v1/models").then().statusCode(201);
        long job = as(key).contentType("application/json")
                .body(Map.of("dataset_id", dataset, "split", Map.of("fold_column", "fold"), "seed", 7))
                .post("/api/v1/models/cdnow-ccor/training-jobs").then().statusCode(201).extract().jsonPath().getLong("id");

        waitFor(() -> "succeeded".equals(as(key).get("/api/v1/training-jobs/" + job).jsonPath().getString("status")),
                Duration.ofMinutes(3), "the job to succeed");
        as(key).get("/api/v1/training-jobs/" + job).then().body("attempts", equalTo(1))
                .body("progress.max_epochs", equalTo(3));

        var version = as(key).get("/api/v1/models/cdnow-ccor/versions/1").then().statusCode(200)
                .body("job_id", equalTo((int) job))
                .body("history.size()", greaterThan(0))
                .body("quality_report.customers", greaterThan(4000))
                .extract().jsonPath();
        assertTrue(version.getDouble("quality_report.normalized_gini") > 0.6, "a trained model ranks customers");
        assertEquals("cpu()", version.getString("lineage.device"));
        as(key).contentType("application/json").body(Map.of("version", 1))
                .put("/api/v1/models/cdnow-ccor/aliases/champion").then().statusCode(200)
                .body("find { it.alias == 'champion' }.version", equalTo(1));

        scoreInBatchOnlineAndOfflineAlike(key, dataset, cdnow);

        // a long job, cancelled while the worker trains it: it stops at a batch and writes no version
        as(key).contentType("application/json").body(Map.of("name", "long", "config",
                        Map.of("training", Map.of("epochs", 200, "patience", 200))))
                .post("/api/v1/models").then().statusCode(201);
        long longJob = as(key).contentType("application/json")
                .body(Map.of("dataset_id", dataset, "split", Map.of("fold_column", "fold"), "seed", 8))
                .post("/api/v1/models/long/training-jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        waitFor(() -> "running".equals(as(key).get("/api/v1/training-jobs/" + longJob).jsonPath().getString("status")),
                Duration.ofMinutes(2), "the second job to start");
        as(key).post("/api/v1/training-jobs/" + longJob + "/cancel").then().statusCode(200)
                .body("cancel_requested", equalTo(true));
        waitFor(() -> "cancelled".equals(as(key).get("/api/v1/training-jobs/" + longJob).jsonPath().getString("status")),
                Duration.ofMinutes(2), "the running job to stop");
        as(key).get("/api/v1/models/long/versions").then().body("items.size()", equalTo(0));
    }

    /**
     * Parity: the worker's batch job over the whole dataset, the library's CLI on the downloaded artifact and online
     * requests to the champion give the very same numbers (the CSVs are byte-identical).
     */
    private static void scoreInBatchOnlineAndOfflineAlike(String key, long dataset, Path cdnow) throws Exception {
        long job = as(key).contentType("application/json").body(Map.of("dataset_id", dataset))
                .post("/api/v1/models/cdnow-ccor/scoring-jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        waitFor(() -> "succeeded".equals(as(key).get("/api/v1/scoring-jobs/" + job).jsonPath().getString("status")),
                Duration.ofMinutes(2), "the scoring job to succeed");
        as(key).get("/api/v1/scoring-jobs/" + job).then().body("result_rows", equalTo(23_570))
                .body("progress.rows_scored", equalTo(23_570));
        String batch = as(key).get("/api/v1/scoring-jobs/" + job + "/results.csv").then().statusCode(200).extract().asString();

        Path artifact = Files.createTempFile("champion", ".ltv");
        Path offline = Files.createTempFile("cli-predictions", ".csv");
        Files.write(artifact, as(key).get("/api/v1/models/cdnow-ccor/versions/1/artifact").then().statusCode(200)
                .extract().asByteArray());
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Platform.ROOT.resolve("model/target/ltv-model-cli.jar").toString(), "predict", "--model", artifact.toString(),
                "--data", cdnow.toString(), "--id", "customer_id", "--out", offline.toString())
                .redirectErrorStream(true).redirectOutput(new File("target/e2e-cli.log")).start();
        assertEquals(0, cli.waitFor(), "the CLI scored the file (see target/e2e-cli.log)");
        assertEquals(Files.readString(offline), batch, "batch scoring and the CLI wrote identical CSVs");

        List<String> csvLines = Files.readAllLines(cdnow);
        String firstCustomers = String.join("\n", csvLines.subList(0, 501)) + "\n";
        List<Double> online = as(key).contentType("text/csv").body(firstCustomers)
                .post("/api/v1/models/cdnow-ccor/predict").then().statusCode(200).body("version", equalTo(1))
                .extract().jsonPath().getList("predictions.expected_ltv", Double.class);
        String[] batchLines = batch.split("\n");
        for (int i = 0; i < online.size(); i++) {
            assertEquals(Double.parseDouble(batchLines[i + 1].split(",")[1]), online.get(i), 0.0,
                    "customer " + i);
        }
    }


    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, Duration limit, String what)
            throws Exception {
        Platform.waitFor(condition, limit, what, api);
    }
}

package io.ltvcascade.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.PredictionInput;
import io.ltvcascade.model.scoring.PredictionBlocks;
import io.ltvcascade.model.scoring.ScoredCustomer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Batch scoring through the API: queueing with a pinned version or an alias, validation, cancellation, tenant
 * isolation, and reading results (JSON pages across chunks, one CSV) as a worker stores them. The worker's own
 * tests and the end-to-end test run real scoring jobs.
 */
@QuarkusTest
class ScoringJobApiTest extends ApiTestSupport {

    @Test
    void shouldQueueWithTheChampionOrAPinnedVersionAndRefuseBadRequests() throws Exception {
        ServedModel served = servedModel();
        String key = served.key();
        as(key).contentType("application/json").body(Map.of("dataset_id", served.datasetId()))
                .post("/api/v1/models/ltv/scoring-jobs").then().statusCode(404).body("detail", containsString("champion"));
        setAlias(key, "champion", 2);
        as(key).contentType("application/json").body(Map.of("dataset_id", served.datasetId()))
                .post("/api/v1/models/ltv/scoring-jobs").then().statusCode(201)
                .header("Location", containsString("/api/v1/scoring-jobs/")).body("version", equalTo(2))
                .body("status", equalTo("queued")).body("results_csv", nullValue());
        as(key).contentType("application/json").body(Map.of("dataset_id", served.datasetId(), "version", 1))
                .post("/api/v1/models/ltv/scoring-jobs").then().statusCode(201).body("version", equalTo(1));
        as(key).contentType("application/json").body(Map.of("version", 1))
                .post("/api/v1/models/ltv/scoring-jobs").then().statusCode(422).body("field", equalTo("dataset_id"));
        as(key).contentType("application/json").body(Map.of("dataset_id", served.datasetId(), "version", 1, "alias", "x"))
                .post("/api/v1/models/ltv/scoring-jobs").then().statusCode(422);
        as(key).contentType("application/json").body(Map.of("dataset_id", 999_999, "version", 1))
                .post("/api/v1/models/ltv/scoring-jobs").then().statusCode(404);
        as(key).contentType("application/json").body(Map.of("dataset_id", served.datasetId(), "version", 7))
                .post("/api/v1/models/ltv/scoring-jobs").then().statusCode(404);
    }

    @Test
    void shouldCancelAQueuedJobAndRefuseItsResults() throws Exception {
        ServedModel served = servedModel();
        long job = start(served);
        as(served.key()).get("/api/v1/scoring-jobs/" + job + "/results").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("queued"));
        as(served.key()).post("/api/v1/scoring-jobs/" + job + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        as(served.key()).post("/api/v1/scoring-jobs/" + job + "/cancel").then().statusCode(409);
    }

    @Test
    void shouldKeepTheDatasetOfAQueuedJobUntilTheJobEnds() throws Exception {
        ServedModel served = servedModel();
        long job = start(served);
        // a job reads its dataset chunk by chunk while it runs, so the rows must stay until it ends
        as(served.key()).delete("/api/v1/datasets/" + served.datasetId()).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("scoring job"));
        as(served.key()).post("/api/v1/scoring-jobs/" + job + "/cancel").then().statusCode(200);
        execute("UPDATE training_jobs SET status = 'SUCCEEDED' WHERE tenant_id = " + served.tenantId()); // as run
        as(served.key()).delete("/api/v1/datasets/" + served.datasetId()).then().statusCode(204);
    }

    @Test
    void shouldPageAndDownloadResultsAsStoredAcrossChunks() throws Exception {
        ServedModel served = servedModel();
        long job = start(served);
        List<ScoredCustomer> scored = storeResultsAsAWorkerWould(served, job);

        List<ScoredCustomer> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(served.key()).queryParam("limit", 400);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/scoring-jobs/" + job + "/results").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                paged.add(new ScoredCustomer((String) item.get("customer_id"), (Double) item.get("expected_ltv"),
                        ((Number) item.get("bucket")).intValue(), null, (Double) item.get("p_payer"), null));
            }
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertEquals(scored.size(), paged.size());
        for (int i = 0; i < scored.size(); i++) {
            assertEquals(scored.get(i).customerId(), paged.get(i).customerId());
            assertEquals(scored.get(i).expectedLtv(), paged.get(i).expectedLtv(), "row " + i);
        }

        String csv = as(served.key()).get("/api/v1/scoring-jobs/" + job + "/results.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        String[] lines = csv.split("\n");
        assertEquals(scored.size() + 1, lines.length);
        assertTrue(lines[0].startsWith("customer_id,expected_ltv,bucket,p_payer,p_bucket_0,"), lines[0]);
        assertEquals(scored.get(2500).customerId(), lines[2501].split(",")[0]);
        assertEquals(scored.get(2500).expectedLtv(), Double.parseDouble(lines[2501].split(",")[1]));
        as(served.key()).get("/api/v1/scoring-jobs/" + job).then().statusCode(200).body("status", equalTo("succeeded"))
                .body("results_csv", equalTo("/api/v1/scoring-jobs/" + job + "/results.csv"));
    }

    @Test
    void shouldHideOtherTenantsJobs() throws Exception {
        ServedModel served = servedModel();
        long job = start(served);
        String stranger = newTenantKey("admin");
        as(stranger).get("/api/v1/scoring-jobs/" + job).then().statusCode(404);
        as(stranger).get("/api/v1/scoring-jobs/" + job + "/results.csv").then().statusCode(404);
        as(stranger).post("/api/v1/scoring-jobs/" + job + "/cancel").then().statusCode(404);
        as(stranger).contentType("application/json").body(Map.of("dataset_id", served.datasetId(), "version", 1))
                .post("/api/v1/models/ltv/scoring-jobs").then().statusCode(404);
        assertNull(as(stranger).get("/api/v1/scoring-jobs").then().statusCode(200).extract().jsonPath()
                .getString("items[0].id"));
    }

    @Test
    void shouldListJobsWithTheirModelAndVersionNewestFirst() throws Exception {
        ServedModel served = servedModel();
        long first = start(served);
        long second = as(served.key()).contentType("application/json")
                .body(Map.of("dataset_id", served.datasetId(), "version", 2)).post("/api/v1/models/ltv/scoring-jobs")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        as(served.key()).get("/api/v1/scoring-jobs").then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of((int) second, (int) first)))
                .body("items.model", equalTo(java.util.List.of("ltv", "ltv")))
                .body("items.version", equalTo(java.util.List.of(2, 1)));
    }

    private static long start(ServedModel served) {
        return as(served.key()).contentType("application/json").body(Map.of("dataset_id", served.datasetId(), "version", 1))
                .post("/api/v1/models/ltv/scoring-jobs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Scores the slice with the library and stores it in two chunks (2,000 + 1,000 rows), as ScoringRun does. */
    private List<ScoredCustomer> storeResultsAsAWorkerWould(ServedModel served, long job) throws Exception {
        String[] ids;
        Predictions predictions;
        int buckets;
        try (LtvModel model = ModelArtifact.read(TrainedArtifacts.artifact(1), Device.cpu())) {
            Table rows = PredictionInput.readCsv(new ByteArrayInputStream(TrainedArtifacts.csv().getBytes(
                    StandardCharsets.UTF_8)), "customer_id", model.features()).table();
            ids = rows.ids();
            predictions = model.predict(rows);
            buckets = model.scheme().buckets();
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO scoring_results "
                + "(tenant_id, job_id, chunk_no, first_row, row_count, data) VALUES (?, ?, ?, ?, ?, ?)")) {
            int[][] chunks = {{0, 2000}, {2000, ids.length}};
            for (int k = 0; k < chunks.length; k++) {
                s.setLong(1, served.tenantId());
                s.setLong(2, job);
                s.setInt(3, k);
                s.setLong(4, chunks[k][0]);
                s.setInt(5, chunks[k][1] - chunks[k][0]);
                s.setBytes(6, PredictionBlocks.encode(Arrays.copyOfRange(ids, chunks[k][0], chunks[k][1]),
                        predictions.rows(chunks[k][0], chunks[k][1]), buckets));
                s.executeUpdate();
            }
        }
        execute("UPDATE scoring_jobs SET status = 'SUCCEEDED', result_rows = " + ids.length + ", result_buckets = "
                + buckets + ", finished_at = now() WHERE id = " + job);
        return ScoredCustomer.of(ids, predictions);
    }
}

package io.ltvcascade.api;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatasetUploadTest extends ApiTestSupport {

    private static final String CDNOW = "cdnow/ltv_table.csv";

    @Test
    void shouldStoreCdnowWithItsRowCountZeroShareAndRoles() {
        String key = newTenantKey("train");
        long id = uploadCdnow(key, "cdnow")
                .statusCode(201)
                .header("Location", containsString("/api/v1/datasets/"))
                .body("name", equalTo("cdnow"))
                .body("version", equalTo(1))
                .body("row_count", equalTo(23_570))
                .body("label_stats.zero_share", closeTo(0.7006, 0.00005))
                .body("label_stats.p50", closeTo(0.0, 1e-9))
                .body("label_stats.p90", closeTo(90.96, 0.005))
                .body("label_stats.p99", closeTo(443.83, 0.005))
                .body("label_stats.p999", closeTo(1309.96, 0.005))
                .body("label_stats.max", closeTo(5762.53, 0.005))
                .body("label_stats.top1_pct_share", closeTo(0.2624, 0.00005))
                .body("label_stats.top10_pct_share", closeTo(0.7628, 0.00005))
                .body("checksum", startsWith("sha256:"))
                .body("schema.columns.find { it.name == 'customer_id' }.role", equalTo("id"))
                .body("schema.columns.find { it.name == 'label' }.role", equalTo("label"))
                .body("schema.columns.find { it.name == 'fold' }.role", equalTo("ignored"))
                .body("schema.columns.find { it.name == 'label_units' }.role", equalTo("ignored"))
                .body("schema.columns.find { it.name == 'total_spend' }.role", equalTo("numeric"))
                .extract().jsonPath().getLong("id");

        as(key).get("/api/v1/datasets/" + id).then().statusCode(200).body("row_count", equalTo(23_570));
    }

    @Test
    void shouldGiveBackExactlyTheUploadedRows() throws IOException {
        String key = newTenantKey("train");
        long id = uploadCdnow(key, "roundtrip").statusCode(201).extract().jsonPath().getLong("id");
        String stored = as(key).get("/api/v1/datasets/" + id + "/rows").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> original = Files.readAllLines(sharedData(CDNOW));
        List<String> back = stored.lines().toList();
        assertEquals(original.size(), back.size());
        assertEquals(original.get(0), back.get(0));
        assertEquals(original.get(1).split(",")[0], back.get(1).split(",")[0], "ids keep their leading zeros");
        assertEquals(Double.parseDouble(original.get(500).split(",")[12]), Double.parseDouble(back.get(500).split(",")[12]));
        assertEquals(original.get(original.size() - 1).split(",")[0], back.get(back.size() - 1).split(",")[0]);
    }

    @Test
    void shouldAcceptGzipAndMultipartAndVersionReuploads() throws IOException {
        String key = newTenantKey("train");
        byte[] gz = gzip(Files.readAllBytes(sharedData("uci_online_retail_ii_2009_2010/ltv_table.csv")));
        as(key).contentType("application/gzip").body(gz)
                .queryParam("name", "retail").queryParam("id_column", "customer_id").queryParam("label_column", "label")
                .queryParam("ignore", "fold,label_*").queryParam("categorical", "is_uk")
                .post("/api/v1/datasets")
                .then().statusCode(201).body("version", equalTo(1)).body("row_count", equalTo(2705))
                .body("schema.columns.find { it.name == 'country' }.role", equalTo("categorical"))
                .body("schema.columns.find { it.name == 'is_uk' }.role", equalTo("categorical"))
                .body("schema.columns.find { it.name == 'first_purchase_date' }.role", equalTo("ignored"));

        as(key).multiPart("file", sharedData("uci_online_retail_ii_2009_2010/ltv_table.csv").toFile(), "text/csv")
                .multiPart("name", "retail").multiPart("id_column", "customer_id").multiPart("label_column", "label")
                .multiPart("ignore", "fold,label_*")
                .post("/api/v1/datasets")
                .then().statusCode(201).body("version", equalTo(2)).body("row_count", equalTo(2705));

        as(key).get("/api/v1/datasets?name=retail").then().statusCode(200).body("items", hasSize(2))
                .body("items[0].version", equalTo(2));
        as(key).get("/api/v1/datasets?limit=1").then().statusCode(200).body("items", hasSize(1))
                .body("next_cursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldReplayAnUploadWithTheSameIdempotencyKey() {
        String key = newTenantKey("train");
        String idem = unique("upload");
        String csv = "id,value\na,1\nb,0\n";
        int first = upload(key, "small", csv, "id", "value").header("Idempotency-Key", idem).post("/api/v1/datasets")
                .then().statusCode(201).extract().jsonPath().getInt("id");
        upload(key, "small", csv, "id", "value").header("Idempotency-Key", idem).post("/api/v1/datasets")
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(first));
        as(key).get("/api/v1/datasets?name=small").then().body("items", hasSize(1));
    }

    @Test
    void shouldDeleteADatasetAndItsRows() throws SQLException {
        String key = newTenantKey("train");
        long id = uploadCdnow(key, "to-delete").statusCode(201).extract().jsonPath().getLong("id");
        long tenant = tenantOf(key);
        as(key).delete("/api/v1/datasets/" + id).then().statusCode(204);
        as(key).get("/api/v1/datasets/" + id).then().statusCode(404).contentType("application/problem+json");
        as(key).delete("/api/v1/datasets/" + id).then().statusCode(404);
        assertEquals(0, count("SELECT count(*) FROM dataset_blocks WHERE tenant_id = " + tenant));
    }

    @Test
    void shouldRefuseToDeleteADatasetAQueuedJobUses() throws SQLException {
        String key = newTenantKey("train");
        long id = upload(key, "busy", "id,value\na,1\n", "id", "value").post("/api/v1/datasets")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long tenant = tenantOf(key);
        // the jobs API lands with the training issue; a queued row is all this check needs
        execute("INSERT INTO models (tenant_id, name, model_type, config) VALUES (" + tenant + ", 'm', 'ccor', '{}')");
        execute("INSERT INTO training_jobs (tenant_id, model_id, dataset_id, status, config) SELECT " + tenant
                + ", id, " + id + ", 'QUEUED', '{}' FROM models WHERE tenant_id = " + tenant);
        as(key).delete("/api/v1/datasets/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("training or scoring job"));
        as(key).get("/api/v1/datasets/" + id).then().statusCode(200);
    }

    @Test
    void shouldNeedTrainScopeToUploadAndReadScopeToLook() {
        long tenant = createTenant();
        String read = issueKey(tenant, "read");
        String predict = issueKey(tenant, "predict");
        upload(read, "nope", "id,value\na,1\n", "id", "value").post("/api/v1/datasets").then().statusCode(403);
        as(predict).get("/api/v1/datasets").then().statusCode(403);
        as(read).get("/api/v1/datasets").then().statusCode(200);
    }

    private ValidatableResponse uploadCdnow(String key, String name) {
        return as(key).contentType("text/csv").body(sharedData(CDNOW).toFile())
                .queryParam("name", name).queryParam("id_column", "customer_id").queryParam("label_column", "label")
                .queryParam("ignore", "fold,label_*")
                .post("/api/v1/datasets").then();
    }

    static io.restassured.specification.RequestSpecification upload(String key, String name, String csv, String id,
            String label) {
        return as(key).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("name", name).queryParam("id_column", id).queryParam("label_column", label);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static long tenantOf(String key) {
        return as(key).get("/api/v1/me").then().extract().jsonPath().getLong("tenant_id");
    }
}

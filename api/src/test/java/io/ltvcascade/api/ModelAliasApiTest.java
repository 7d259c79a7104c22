package io.ltvcascade.api;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aliases point at versions: promote, move back (rollback), remove; archived versions take no alias. */
@QuarkusTest
class ModelAliasApiTest extends ApiTestSupport {

    @Test
    void shouldPromoteRollBackAndArchive() throws Exception {
        String key = newTenantKey("train");
        String other = newTenantKey("admin");
        twoVersions(key);

        as(key).contentType("application/json").body(Map.of("version", 1))
                .put("/api/v1/models/m/aliases/champion").then().statusCode(200)
                .body("find { it.alias == 'champion' }.version", equalTo(1));
        as(key).contentType("application/json").body(Map.of("version", 2))
                .put("/api/v1/models/m/aliases/champion").then().statusCode(200)
                .body("find { it.alias == 'champion' }.version", equalTo(2));
        as(key).contentType("application/json").body(Map.of("version", 1))
                .put("/api/v1/models/m/aliases/champion").then().statusCode(200)
                .body("find { it.alias == 'champion' }.version", equalTo(1));
        as(key).get("/api/v1/audit-log").then().statusCode(403);

        as(key).post("/api/v1/models/m/versions/1/archive").then().statusCode(409)
                .contentType("application/problem+json");
        as(key).post("/api/v1/models/m/versions/2/archive").then().statusCode(204);
        as(key).contentType("application/json").body(Map.of("version", 2))
                .put("/api/v1/models/m/aliases/challenger").then().statusCode(409);
        as(key).get("/api/v1/models/m/versions/2").then().body("status", equalTo("archived"));

        as(key).contentType("application/json").body(Map.of("version", 9))
                .put("/api/v1/models/m/aliases/champion").then().statusCode(404)
                .body("detail", equalTo("version 9 of model m does not exist"));
        as(key).contentType("application/json").body(Map.of())
                .put("/api/v1/models/m/aliases/champion").then().statusCode(422).body("field", equalTo("version"));
        as(key).contentType("application/json").body(Map.of("version", 1))
                .put("/api/v1/models/m/aliases/Not Valid").then().statusCode(400);

        as(other).get("/api/v1/models/m/aliases").then().statusCode(404);
        as(other).contentType("application/json").body(Map.of("version", 1))
                .put("/api/v1/models/m/aliases/champion").then().statusCode(404);

        as(key).delete("/api/v1/models/m/aliases/champion").then().statusCode(204);
        as(key).get("/api/v1/models/m/aliases").then().statusCode(200).body("$", empty());
        as(key).delete("/api/v1/models/m/aliases/champion").then().statusCode(404)
                .body("detail", equalTo("alias champion of model m does not exist"));
    }

    @Test
    void shouldAuditAliasMovesWithTheirPreviousVersion() throws Exception {
        long tenant = createTenant();
        String key = issueKey(tenant, "admin");
        twoVersions(key);
        as(key).contentType("application/json").body(Map.of("version", 1)).put("/api/v1/models/m/aliases/champion");
        as(key).contentType("application/json").body(Map.of("version", 2)).put("/api/v1/models/m/aliases/champion");
        as(key).get("/api/v1/audit-log").then().statusCode(200)
                .body("items.findAll { it.action == 'model.alias.set' }.detail.from", hasItem(1));
    }

    private void twoVersions(String key) throws Exception {
        long dataset = DatasetUploadTest.upload(key, "d", "id,label\na,1\nb,0\n", "id", "label")
                .post("/api/v1/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        as(key).contentType("application/json").body(Map.of("name", "m")).post("/api/v1/models").then().statusCode(201);
        for (int v = 1; v <= 2; v++) {
            long job = as(key).contentType("application/json").body(Map.of("dataset_id", dataset))
                    .post("/api/v1/models/m/training-jobs").then().statusCode(201).extract().jsonPath().getLong("id");
            insertWorkerVersion(job, v, "{}", "[]", "{}", "\\x00");
        }
    }
}

package io.ltvcascade.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Versions written by a worker are readable with their report, history and lineage, per tenant only. */
@QuarkusTest
class ModelVersionApiTest extends ApiTestSupport {

    @Test
    void shouldShowAWorkersVersionToItsTenantOnly() throws Exception {
        String key = newTenantKey("train");
        String other = newTenantKey("train");
        long dataset = DatasetUploadTest.upload(key, "d", "id,label\na,1\nb,0\n", "id", "label")
                .post("/api/v1/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
        as(key).contentType("application/json").body(Map.of("name", "m")).post("/api/v1/models").then().statusCode(201);
        long job = as(key).contentType("application/json").body(Map.of("dataset_id", dataset))
                .post("/api/v1/models/m/training-jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        insertWorkerVersion(job, 1, "{\"normalized_gini\": 0.73}", "[{\"epoch\": 1}]", "{\"device\": \"cpu()\"}",
                "\\x0102");

        as(key).get("/api/v1/models/m/versions").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].version", equalTo(1))
                .body("items[0].quality_report.normalized_gini", equalTo(0.73))
                .body("items[0].artifact", nullValue())
                .body("items[0].artifact_bytes", equalTo(2));
        as(key).get("/api/v1/models/m/versions/1").then().statusCode(200)
                .body("lineage.device", equalTo("cpu()")).body("history", hasSize(1)).body("job_id", equalTo((int) job));
        as(key).get("/api/v1/models/m/versions/2").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("version 2 of model m does not exist"));
        as(other).get("/api/v1/models/m/versions").then().statusCode(404);
        as(other).get("/api/v1/models/m/versions/1").then().statusCode(404);
    }
}

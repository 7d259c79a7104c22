package io.ltvcascade.api;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A key of tenant A sees nothing of tenant B: every endpoint taking an id answers 404. */
@QuarkusTest
class TenantIsolationTest extends ApiTestSupport {

    @Test
    void shouldHideEveryDatasetOfAnotherTenant() {
        String keyA = newTenantKey("admin");
        String keyB = newTenantKey("admin");
        long datasetOfB = DatasetUploadTest.upload(keyB, "secret-b", "id,value\nb1,10\nb2,0\n", "id", "value")
                .post("/api/v1/datasets").then().statusCode(201).extract().jsonPath().getLong("id");

        as(keyA).get("/api/v1/datasets/" + datasetOfB).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
        as(keyA).get("/api/v1/datasets/" + datasetOfB + "/rows").then().statusCode(404);
        as(keyA).delete("/api/v1/datasets/" + datasetOfB).then().statusCode(404);
        as(keyA).get("/api/v1/datasets").then().statusCode(200).body("items", empty());
        as(keyA).get("/api/v1/datasets?name=secret-b").then().statusCode(200).body("items", empty());

        as(keyB).get("/api/v1/datasets/" + datasetOfB).then().statusCode(200).body("row_count", equalTo(2));
    }

    @Test
    void shouldKeepVersionNumbersPerTenant() {
        String keyA = newTenantKey("train");
        String keyB = newTenantKey("train");
        DatasetUploadTest.upload(keyA, "same-name", "id,value\na,1\n", "id", "value").post("/api/v1/datasets")
                .then().statusCode(201).body("version", equalTo(1));
        DatasetUploadTest.upload(keyB, "same-name", "id,value\na,1\n", "id", "value").post("/api/v1/datasets")
                .then().statusCode(201).body("version", equalTo(1));
    }
}

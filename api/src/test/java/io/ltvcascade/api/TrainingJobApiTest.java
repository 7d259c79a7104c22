package io.ltvcascade.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Models and training jobs over HTTP: validation, queueing, cancellation and tenant isolation. */
@QuarkusTest
class TrainingJobApiTest extends ApiTestSupport {

    private static final String CSV = "customer_id,fold,spend,label\n" + "a,0,10,0\nb,1,20,5\nc,2,5,0\nd,3,40,12\ne,4,8,1\n";

    @Test
    void shouldCreateAModelWithEveryDefaultFilledIn() {
        String key = newTenantKey("train");
        as(key).contentType("application/json").body(Map.of("name", "ltv", "config",
                        Map.of("training", Map.of("epochs", 5))))
                .post("/api/v1/models").then().statusCode(201)
                .header("Location", containsString("/api/v1/models/ltv"))
                .body("model_type", equalTo("ccor"))
                .body("config.training.epochs", equalTo(5))
                .body("config.training.batch_size", equalTo(2048))
                .body("config.ccor.bucket_quantiles", hasSize(4));
        as(key).get("/api/v1/models/ltv").then().statusCode(200).body("name", equalTo("ltv"));
        as(key).contentType("application/json").body(Map.of("name", "ltv")).post("/api/v1/models")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldRejectInvalidModelConfigsNamingTheProblem() {
        String key = newTenantKey("train");
        as(key).contentType("application/json").body(Map.of("name", "m1", "model_type", "xgboost"))
                .post("/api/v1/models").then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("config")).body("detail", containsString("xgboost"));
        as(key).contentType("application/json").body(Map.of("name", "m2", "config",
                        Map.of("training", Map.of("learning_rate", -1))))
                .post("/api/v1/models").then().statusCode(422).body("detail", containsString("learning_rate"));
        as(key).contentType("application/json").body(Map.of("name", "m3", "config", Map.of("no_such_option", 1)))
                .post("/api/v1/models").then().statusCode(422).body("field", equalTo("config.no_such_option"))
                .body("detail", startsWith("'config.no_such_option' is not a field here (known: ccor, dropout,"));
        as(key).contentType("application/json").body(Map.of("name", "m5", "config",
                        Map.of("training", Map.of("epochs", 2.5))))
                .post("/api/v1/models").then().statusCode(422).body("field", equalTo("config.training.epochs"))
                .body("detail", equalTo("'config.training.epochs' must be a whole number"));
        as(key).contentType("application/json").body(Map.of("name", "m4", "config",
                        Map.of("ccor", Map.of("bucket_quantiles", List.of(0.9, 0.5)))))
                .post("/api/v1/models").then().statusCode(422).body("detail", containsString("bucket_quantiles"));
        as(key).contentType("application/json").body(Map.of("name", "bad name!"))
                .post("/api/v1/models").then().statusCode(400).body("field", equalTo("name"));
        as(key).get("/api/v1/models").then().body("items", empty());
    }

    @Test
    void shouldQueueAJobAndCancelItWhileQueued() {
        String key = newTenantKey("train");
        long dataset = dataset(key);
        as(key).contentType("application/json").body(Map.of("name", "m")).post("/api/v1/models").then().statusCode(201);
        long job = as(key).contentType("application/json")
                .body(Map.of("dataset_id", dataset, "split", Map.of("fold_column", "fold"), "seed", 7))
                .post("/api/v1/models/m/training-jobs").then().statusCode(201)
                .header("Location", containsString("/api/v1/training-jobs/"))
                .body("status", equalTo("queued"))
                .body("attempts", equalTo(0))
                .body("max_attempts", equalTo(3))
                .body("config.split.train_folds", equalTo(List.of(0, 1, 2)))
                .body("config.seed", equalTo(7))
                .extract().jsonPath().getLong("id");
        as(key).get("/api/v1/training-jobs?model=m").then().statusCode(200).body("items", hasSize(1));
        as(key).post("/api/v1/training-jobs/" + job + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled")).body("finished_at", notNullValue());
        as(key).post("/api/v1/training-jobs/" + job + "/cancel").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void shouldFlagARunningJobForCancellation() throws SQLException {
        String key = newTenantKey("train");
        long dataset = dataset(key);
        as(key).contentType("application/json").body(Map.of("name", "m")).post("/api/v1/models").then().statusCode(201);
        long job = as(key).contentType("application/json").body(Map.of("dataset_id", dataset))
                .post("/api/v1/models/m/training-jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        // a worker's claim, as the queue writes it
        execute("UPDATE training_jobs SET status = 'RUNNING', attempts = 1, lease_owner = 'w' WHERE id = " + job);
        as(key).post("/api/v1/training-jobs/" + job + "/cancel").then().statusCode(200)
                .body("status", equalTo("running")).body("cancel_requested", equalTo(true));
    }

    @Test
    void shouldRejectInvalidSplits() {
        String key = newTenantKey("train");
        long dataset = dataset(key);
        as(key).contentType("application/json").body(Map.of("name", "m")).post("/api/v1/models").then().statusCode(201);
        start(key, Map.of("dataset_id", dataset, "split", Map.of("fold_column", "nope")))
                .statusCode(422).body("field", equalTo("split.fold_column"));
        start(key, Map.of("dataset_id", dataset, "split", Map.of("fold_column", "customer_id")))
                .statusCode(422).body("detail", containsString("numbers"));
        start(key, Map.of("dataset_id", dataset, "split", Map.of("fold_column", "fold", "test_folds", List.of(2))))
                .statusCode(422).body("detail", containsString("fold 2"));
        start(key, Map.of("dataset_id", dataset, "split", Map.of("train_share", 0.9, "validation_share", 0.2)))
                .statusCode(422).body("field", equalTo("split.train_share"));
        start(key, Map.of("split", Map.of())).statusCode(422).body("field", equalTo("dataset_id"));
        start(key, Map.of("dataset_id", 99999999)).statusCode(404);
        as(key).get("/api/v1/training-jobs").then().body("items", empty());
    }

    @Test
    void shouldHideModelsAndJobsOfAnotherTenant() {
        String keyA = newTenantKey("train");
        String keyB = newTenantKey("train");
        long datasetA = dataset(keyA);
        as(keyA).contentType("application/json").body(Map.of("name", "secret")).post("/api/v1/models").then().statusCode(201);
        long jobA = as(keyA).contentType("application/json").body(Map.of("dataset_id", datasetA))
                .post("/api/v1/models/secret/training-jobs").then().statusCode(201).extract().jsonPath().getLong("id");

        as(keyB).get("/api/v1/models/secret").then().statusCode(404);
        as(keyB).get("/api/v1/models").then().body("items", empty());
        as(keyB).get("/api/v1/training-jobs/" + jobA).then().statusCode(404);
        as(keyB).post("/api/v1/training-jobs/" + jobA + "/cancel").then().statusCode(404);
        as(keyB).get("/api/v1/training-jobs").then().body("items", empty());
        as(keyB).contentType("application/json").body(Map.of("dataset_id", datasetA))
                .post("/api/v1/models/secret/training-jobs").then().statusCode(404);
        as(keyB).contentType("application/json").body(Map.of("name", "mine")).post("/api/v1/models").then().statusCode(201);
        as(keyB).contentType("application/json").body(Map.of("dataset_id", datasetA))
                .post("/api/v1/models/mine/training-jobs").then().statusCode(404)
                .body("detail", containsString("dataset"));
        as(keyA).get("/api/v1/training-jobs/" + jobA).then().statusCode(200).body("status", equalTo("queued"));
    }

    private static long dataset(String key) {
        return DatasetUploadTest.upload(key, "small", CSV, "customer_id", "label").queryParam("ignore", "fold")
                .post("/api/v1/datasets").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static io.restassured.response.ValidatableResponse start(String key, Map<String, Object> body) {
        return as(key).contentType("application/json").body(body).post("/api/v1/models/m/training-jobs").then();
    }
}

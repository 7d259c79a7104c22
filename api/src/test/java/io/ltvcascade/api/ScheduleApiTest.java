package io.ltvcascade.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retraining schedules over HTTP: validation, the job config each fire queues, changes, history, scopes, tenants. */
@QuarkusTest
class ScheduleApiTest extends ApiTestSupport {

    private static final String CSV = "customer_id,fold,spend,label\n" + "a,0,10,0\nb,1,20,5\nc,2,5,0\nd,3,40,12\ne,4,8,1\n";

    @Test
    void shouldCreateAScheduleWithTheJobConfigItsFiresQueue() throws SQLException {
        String key = tenantWithModelAndDataset("admin");

        long id = create(key, body()).statusCode(201)
                .header("Location", containsString("/api/v1/schedules/"))
                .body("model", equalTo("m")).body("cron", equalTo("0 0 3 * * ?"))
                .body("time_zone", equalTo("Europe/Berlin")).body("dataset_name", equalTo("small"))
                .body("dataset_version", nullValue()).body("enabled", equalTo(true))
                .body("force_retrain", equalTo(false)).body("next_fire_time", notNullValue())
                .body("config_override.training.epochs", equalTo(3))
                .body("split.fold_column", equalTo("fold")).body("split.test_folds[0]", equalTo(4))
                .body("promotion_policy.mode", equalTo("beats_champion"))
                .body("promotion_policy.metric", equalTo("normalized_gini"))
                .extract().jsonPath().getLong("id");

        assertEquals(3, count("SELECT (job_config->'model'->'training'->>'epochs')::int FROM retrain_schedules WHERE id = " + id));
        assertEquals(2048, count("SELECT (job_config->'model'->'training'->>'batch_size')::int FROM retrain_schedules "
                + "WHERE id = " + id), "the model's other settings stay");
        as(key).get("/api/v1/schedules/" + id).then().statusCode(200).body("id", equalTo((int) id));
        as(key).queryParam("model", "m").get("/api/v1/schedules").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void shouldRejectInvalidSchedulesNamingTheFieldAndStoreNothing() throws SQLException {
        String key = tenantWithModelAndDataset("admin");

        rejected(key, Map.of("cron", "every day"), "cron", "not a valid Quartz cron");
        rejected(key, Map.of("cron", "0 0 3 * *"), "cron", "not a valid Quartz cron");
        rejected(key, Map.of("time_zone", "Mars/Olympus"), "time_zone", "Mars/Olympus");
        rejected(key, Map.of("promotion_policy", Map.of("mode", "beats_champion", "metric", "accuracy")),
                "promotion_policy.metric", "normalized_gini");
        rejected(key, Map.of("promotion_policy", Map.of("mode", "always")), "promotion_policy.mode", "always");
        rejected(key, Map.of("config_override", Map.of("training", Map.of("epochs", -1))), "config_override", "epochs");
        rejected(key, Map.of("config_override", Map.of("model_type", "ziln")), "config_override.model_type", "model type");
        rejected(key, Map.of("dataset_name", "nope"), "dataset_name", "nope");
        rejected(key, Map.of("dataset_version", 9), "dataset_version", "no version 9");
        rejected(key, Map.of("split", Map.of("fold_column", "nope")), "split.fold_column", "nope");
        create(key, Map.of("cron", "0 0 3 * * ?", "dataset_name", "small")).statusCode(422).body("field", equalTo("model"));
        as(key).contentType("application/json").body(withModel(Map.of("model", "ghost")))
                .post("/api/v1/schedules").then().statusCode(404);

        assertEquals(0, count("SELECT count(*) FROM retrain_schedules WHERE tenant_id = " + tenantOf(key)));
    }

    @Test
    void shouldChangePauseResumeAndDeleteASchedule() {
        String key = tenantWithModelAndDataset("admin");
        long id = create(key, body()).statusCode(201).extract().jsonPath().getLong("id");
        String before = as(key).get("/api/v1/schedules/" + id).then().extract().jsonPath().getString("updated_at");

        patch(key, id, Map.of("cron", "0 30 4 * * ?", "force_retrain", true)).statusCode(200)
                .body("cron", equalTo("0 30 4 * * ?")).body("force_retrain", equalTo(true))
                .body("time_zone", equalTo("Europe/Berlin")).body("config_override.training.epochs", equalTo(3))
                .body("updated_at", org.hamcrest.Matchers.not(equalTo(before)));
        patch(key, id, Map.of("cron", "nonsense")).statusCode(422).body("field", equalTo("cron"));
        patch(key, id, Map.of("model", "other")).statusCode(422).body("field", equalTo("model"));
        Map<String, Object> removeOverride = new HashMap<>();
        removeOverride.put("config_override", null);
        patch(key, id, removeOverride).statusCode(200).body("config_override", nullValue());
        as(key).get("/api/v1/schedules/" + id).then().body("cron", equalTo("0 30 4 * * ?"));

        as(key).post("/api/v1/schedules/" + id + "/pause").then().statusCode(200)
                .body("enabled", equalTo(false)).body("next_fire_time", nullValue());
        as(key).post("/api/v1/schedules/" + id + "/resume").then().statusCode(200)
                .body("enabled", equalTo(true)).body("next_fire_time", notNullValue());

        as(key).delete("/api/v1/schedules/" + id).then().statusCode(204);
        as(key).get("/api/v1/schedules/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldShowTheHistoryOfFiresWithJobStatusAndPromotionDecision() throws SQLException {
        String key = tenantWithModelAndDataset("admin");
        long id = create(key, body()).statusCode(201).extract().jsonPath().getLong("id");
        long job = as(key).contentType("application/json").body(Map.of("dataset_id", datasetOf(key)))
                .post("/api/v1/models/m/training-jobs").then().statusCode(201).extract().jsonPath().getLong("id");
        long tenant = tenantOf(key);
        execute("INSERT INTO schedule_fires (tenant_id, schedule_id, fire_time, outcome, detail, job_id, decision, "
                + "decision_reason) VALUES (" + tenant + ", " + id + ", '2026-11-01T03:00:00Z', 'ENQUEUED', 'training', "
                + job + ", 'CHALLENGER', 'normalized_gini 0.70 against 0.75')");
        execute("INSERT INTO schedule_fires (tenant_id, schedule_id, fire_time, outcome, detail) VALUES (" + tenant + ", "
                + id + ", '2026-11-02T03:00:00Z', 'SKIPPED', 'unchanged data')");

        as(key).get("/api/v1/schedules/" + id + "/history").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].outcome", equalTo("skipped")).body("items[0].detail", equalTo("unchanged data"))
                .body("items[1].outcome", equalTo("enqueued")).body("items[1].job_id", equalTo((int) job))
                .body("items[1].job_status", equalTo("queued")).body("items[1].decision", equalTo("challenger"))
                .body("items[1].decision_reason", containsString("normalized_gini"));
    }

    @Test
    void shouldNeedTheTrainScopeToChangeAndKeepTenantsApart() {
        String owner = tenantWithModelAndDataset("admin");
        long id = create(owner, body()).statusCode(201).extract().jsonPath().getLong("id");
        String reader = issueKey(tenantOf(owner), "read");
        String other = tenantWithModelAndDataset("admin");

        create(reader, body()).statusCode(403);
        as(reader).post("/api/v1/schedules/" + id + "/pause").then().statusCode(403);
        as(reader).get("/api/v1/schedules/" + id).then().statusCode(200);

        as(other).get("/api/v1/schedules/" + id).then().statusCode(404);
        patch(other, id, Map.of("cron", "0 0 1 * * ?")).statusCode(404);
        as(other).post("/api/v1/schedules/" + id + "/pause").then().statusCode(404);
        as(other).get("/api/v1/schedules/" + id + "/history").then().statusCode(404);
        as(other).delete("/api/v1/schedules/" + id).then().statusCode(404);
        as(other).get("/api/v1/schedules").then().statusCode(200).body("items", empty());
        as(owner).get("/api/v1/schedules/" + id).then().statusCode(200).body("cron", equalTo("0 0 3 * * ?"));
    }

    private static Map<String, Object> body() {
        return withModel(Map.of());
    }

    private static Map<String, Object> withModel(Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(Map.of("model", "m", "cron", "0 0 3 * * ?", "time_zone", "Europe/Berlin",
                "dataset_name", "small", "config_override", Map.of("training", Map.of("epochs", 3)),
                "split", Map.of("fold_column", "fold"),
                "promotion_policy", Map.of("mode", "beats_champion", "metric", "normalized_gini", "margin", 0.01)));
        body.putAll(changes);
        return body;
    }

    private static void rejected(String key, Map<String, Object> change, String field, String detail) {
        create(key, withModel(change)).statusCode(422).contentType("application/problem+json")
                .body("field", equalTo(field)).body("detail", containsString(detail));
    }

    private static ValidatableResponse create(String key, Map<String, Object> body) {
        return as(key).contentType("application/json").body(body).post("/api/v1/schedules").then();
    }

    private static ValidatableResponse patch(String key, long id, Map<String, Object> patch) {
        return as(key).contentType("application/merge-patch+json").body(patch).patch("/api/v1/schedules/" + id).then();
    }

    private static String tenantWithModelAndDataset(String scope) {
        String key = newTenantKey(scope);
        DatasetUploadTest.upload(key, "small", CSV, "customer_id", "label").queryParam("ignore", "fold")
                .post("/api/v1/datasets").then().statusCode(201);
        as(key).contentType("application/json").body(Map.of("name", "m")).post("/api/v1/models").then().statusCode(201);
        return key;
    }

    private static long tenantOf(String key) {
        return as(key).get("/api/v1/me").then().statusCode(200).extract().jsonPath().getLong("tenant_id");
    }

    private static long datasetOf(String key) {
        return as(key).get("/api/v1/datasets").then().extract().jsonPath().getLong("items[0].id");
    }
}

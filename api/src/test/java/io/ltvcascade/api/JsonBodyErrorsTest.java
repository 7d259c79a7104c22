package io.ltvcascade.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** JSON bodies that do not parse, or parse but do not fit the call: a problem naming the field, and nothing stored. */
@QuarkusTest
class JsonBodyErrorsTest extends ApiTestSupport {

    @Test
    void shouldNameTheFieldOfAValueOfTheWrongType() throws Exception {
        ServedModel served = servedModel();
        String key = served.key();
        as(key).contentType("application/json").body("{\"name\": [1]}").post("/api/v1/models").then()
                .statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("'name' must be a string")).body("field", equalTo("name"));
        as(key).contentType("application/json").body("{\"version\": \"x\"}").put("/api/v1/models/ltv/aliases/champion")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("'version' must be a whole number")).body("field", equalTo("version"));
        as(key).contentType("application/json")
                .body("{\"dataset_id\": " + served.datasetId() + ", \"split\": {\"train_folds\": [\"a\"]}}")
                .post("/api/v1/models/ltv/training-jobs").then().statusCode(422)
                .body("field", equalTo("split.train_folds[0]"));
        as(key).contentType("application/json").body("[1, 2]").post("/api/v1/models").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("the request body must be an object")).body("field", nullValue());
        assertEquals(1, count("SELECT count(*) FROM models WHERE tenant_id = " + served.tenantId()));
        assertEquals(2, count("SELECT count(*) FROM training_jobs WHERE tenant_id = " + served.tenantId()));
        assertEquals(0, count("SELECT count(*) FROM model_aliases WHERE tenant_id = " + served.tenantId()));
    }

    @Test
    void shouldRefuseAFractionWhereAWholeNumberBelongs() throws Exception {
        ServedModel served = servedModel();
        as(served.key()).contentType("application/json").body("{\"dataset_id\": " + served.datasetId() + ".5}")
                .post("/api/v1/models/ltv/scoring-jobs").then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("'dataset_id' must be a whole number")).body("field", equalTo("dataset_id"));
        assertEquals(0, count("SELECT count(*) FROM scoring_jobs WHERE tenant_id = " + served.tenantId()));
    }

    @Test
    void shouldRefuseAStringWhereANumberBelongsAndANumberWhereAStringBelongs() throws Exception {
        ServedModel served = servedModel();
        String key = served.key();
        as(key).contentType("application/json").body("{\"dataset_id\": \"" + served.datasetId() + "\"}")
                .post("/api/v1/models/ltv/scoring-jobs").then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("'dataset_id' must be a whole number")).body("field", equalTo("dataset_id"));
        as(key).contentType("application/json").body("{\"version\": \"1\"}").put("/api/v1/models/ltv/aliases/champion")
                .then().statusCode(422).body("field", equalTo("version"));
        as(key).contentType("application/json").body("{\"name\": 7}").post("/api/v1/models").then().statusCode(422)
                .body("detail", equalTo("'name' must be a string")).body("field", equalTo("name"));
        as(key).contentType("application/json").body("{\"name\": \"m2\", \"config\": {\"training\": {\"epochs\": \"5\"}}}")
                .post("/api/v1/models").then().statusCode(422).body("field", equalTo("config.training.epochs"));
        assertEquals(0, count("SELECT count(*) FROM scoring_jobs WHERE tenant_id = " + served.tenantId()));
        assertEquals(1, count("SELECT count(*) FROM models WHERE tenant_id = " + served.tenantId()));
        assertEquals(0, count("SELECT count(*) FROM model_aliases WHERE tenant_id = " + served.tenantId()));
    }

    @Test
    void shouldSayWhereJsonThatDoesNotParseEnds() throws Exception {
        String key = newTenantKey("admin");
        as(key).contentType("application/json").body("{\"name\": \"m\",").post("/api/v1/models").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON")).body("detail", containsString("end-of-input"));
    }
}

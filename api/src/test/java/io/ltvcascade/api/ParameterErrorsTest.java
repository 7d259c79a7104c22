package io.ltvcascade.api;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Query parameters, paths and methods that do not fit: a problem that says which and why, not a bare 404 or 405. */
@QuarkusTest
class ParameterErrorsTest extends ApiTestSupport {

    @Test
    void shouldNameALimitThatIsNotAWholeNumberInRange() {
        String key = newTenantKey("admin");
        for (String limit : new String[] {"abc", "0", "501", "2.5"}) {
            as(key).queryParam("limit", limit).get("/api/v1/datasets").then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("limit"))
                    .body("detail", equalTo("limit must be a whole number from 1 to 500, got '" + limit + "'"));
        }
        as(key).queryParam("limit", "abc").get("/api/v1/scoring-jobs").then().statusCode(400)
                .body("field", equalTo("limit"));
        as(key).queryParam("limit", " 7 ").get("/api/v1/models").then().statusCode(200);
    }

    @Test
    void shouldSayWhatIsWrongWithAPathOrAMethod() {
        String key = newTenantKey("admin");
        as(key).get("/api/v1/datasets/abc").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("nothing at /api/v1/datasets/abc: ids in the path are whole numbers"));
        as(key).get("/api/v1/nowhere").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("nothing at /api/v1/nowhere"));
        as(key).put("/api/v1/datasets").then().statusCode(405).contentType("application/problem+json")
                .body("detail", equalTo("PUT is not a method of /api/v1/datasets"))
                .header("Allow", equalTo("GET, HEAD, POST"));
        as(key).delete("/api/v1/models/ltv/aliases/champion/predict").then().statusCode(405)
                .header("Allow", equalTo("POST"));
        as(key).head("/api/v1/datasets").then().statusCode(200);
    }
}

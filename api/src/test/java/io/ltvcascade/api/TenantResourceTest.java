package io.ltvcascade.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantResourceTest extends ApiTestSupport {

    @Test
    void shouldCreateTenantWithLocationAndAuditRow() {
        String name = unique("acme");
        long id = asOperator().contentType("application/json").body(Map.of("name", name, "display_name", "Acme Ltd"))
                .when().post("/api/v1/tenants")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/tenants/"))
                .body("name", equalTo(name))
                .body("display_name", equalTo("Acme Ltd"))
                .body("status", equalTo("active"))
                .extract().jsonPath().getLong("id");

        asOperator().get("/api/v1/tenants/" + id).then().statusCode(200).body("name", equalTo(name));
        asOperator().get("/api/v1/audit-log?limit=50").then().statusCode(200)
                .body("items.findAll { it.action == 'tenant.create' }.target_id", hasItem(String.valueOf(id)));
    }

    @Test
    void shouldRejectDuplicateAndInvalidNamesWithProblemJson() {
        String name = unique("dup");
        asOperator().contentType("application/json").body(Map.of("name", name)).post("/api/v1/tenants")
                .then().statusCode(201);
        asOperator().contentType("application/json").body(Map.of("name", name)).post("/api/v1/tenants")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/conflict"))
                .body("status", equalTo(409))
                .body("detail", containsString(name))
                .body("instance", equalTo("/api/v1/tenants"));
        asOperator().contentType("application/json").body(Map.of("name", "Not A Slug!")).post("/api/v1/tenants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("name"));
        asOperator().contentType("application/json").body("{not json").post("/api/v1/tenants")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer401WithoutOrWithABadKey() {
        given().get("/api/v1/tenants").then().statusCode(401).contentType("application/problem+json")
                .body("title", equalTo("Unauthorized"));
        as("ltv_0123456789ab_this-key-does-not-exist-anywhere").get("/api/v1/tenants").then().statusCode(401);
        as("garbage").get("/api/v1/tenants").then().statusCode(401);
    }

    @Test
    void shouldForbidTenantKeysFromOperatorCalls() {
        String admin = newTenantKey("admin");
        as(admin).get("/api/v1/tenants").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("operator"));
    }

    @Test
    void shouldRefuseKeysOfASuspendedTenantUntilResumed() {
        long tenant = createTenant();
        String key = issueKey(tenant, "read");
        as(key).get("/api/v1/datasets").then().statusCode(200);

        asOperator().post("/api/v1/tenants/" + tenant + "/suspend").then().statusCode(200)
                .body("status", equalTo("suspended")).body("suspended_at", notNullValue());
        as(key).get("/api/v1/datasets").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("suspended"));

        asOperator().post("/api/v1/tenants/" + tenant + "/resume").then().statusCode(200)
                .body("status", equalTo("active")).body("suspended_at", nullValue());
        as(key).get("/api/v1/datasets").then().statusCode(200);
        asOperator().get("/api/v1/audit-log").then()
                .body("items.findAll { it.target_id == '" + tenant + "' }.action", hasItem("tenant.suspend"));
    }

    @Test
    void shouldAnswer404ForUnknownTenant() {
        asOperator().get("/api/v1/tenants/987654321").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        asOperator().post("/api/v1/tenants/987654321/suspend").then().statusCode(404);
    }

    @Test
    void shouldPageThroughTenantsWithACursor() {
        for (int i = 0; i < 3; i++) {
            createTenant();
        }
        var first = asOperator().get("/api/v1/tenants?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("next_cursor", notNullValue()).extract().jsonPath();
        List<Integer> firstIds = first.getList("items.id");
        var second = asOperator().queryParam("limit", 2).queryParam("cursor", first.getString("next_cursor"))
                .get("/api/v1/tenants").then().statusCode(200).extract().jsonPath();
        List<Integer> secondIds = second.getList("items.id");
        assertEquals(2, secondIds.size());
        org.junit.jupiter.api.Assertions.assertTrue(secondIds.get(0) < firstIds.get(1), "pages continue downwards");
        asOperator().get("/api/v1/tenants?cursor=bogus").then().statusCode(400).body("field", equalTo("cursor"));
        asOperator().get("/api/v1/tenants?limit=0").then().statusCode(400).body("field", equalTo("limit"));
    }

    @Test
    void shouldReplayTheFirstResponseForARepeatedIdempotencyKey() {
        String idem = unique("idem");
        String name = unique("idem-tenant");
        long first = asOperator().header("Idempotency-Key", idem).contentType("application/json")
                .body(Map.of("name", name)).post("/api/v1/tenants")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long replay = asOperator().header("Idempotency-Key", idem).contentType("application/json")
                .body(Map.of("name", name)).post("/api/v1/tenants")
                .then().statusCode(201).header("Idempotency-Replayed", "true")
                .header("Location", containsString("/api/v1/tenants/" + first))
                .extract().jsonPath().getLong("id");
        assertEquals(first, replay);
        asOperator().get("/api/v1/tenants?limit=500").then()
                .body("items.findAll { it.name == '" + name + "' }", hasSize(1));

        asOperator().header("Idempotency-Key", idem).contentType("application/json")
                .body(Map.of("name", "x")).post("/api/v1/tenants/" + first + "/keys")
                .then().statusCode(422).body("type", equalTo("/problems/idempotency-key-reused"));
        long other = asOperator().header("Idempotency-Key", unique("idem")).contentType("application/json")
                .body(Map.of("name", unique("other"))).post("/api/v1/tenants")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assertNotEquals(first, other);
    }

    @Test
    void shouldListAuditEntriesOnlyOfTheirOwnTenantForTenantAdmins() {
        long a = createTenant();
        long b = createTenant();
        String adminA = issueKey(a, "admin");
        issueKey(b, "read");
        as(adminA).get("/api/v1/audit-log?limit=500").then().statusCode(200)
                .body("items.tenant_id", everyItem(equalTo((int) a)));
        as(issueKey(a, "read")).get("/api/v1/audit-log").then().statusCode(403);
    }
}

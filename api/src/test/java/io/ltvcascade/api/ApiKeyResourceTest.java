package io.ltvcascade.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyResourceTest extends ApiTestSupport {

    @Test
    void shouldShowTheSecretOnceAndListKeysWithoutIt() {
        long tenant = createTenant();
        var issued = asOperator().contentType("application/json")
                .body(Map.of("name", "ci", "scopes", List.of("train", "predict")))
                .post("/api/v1/tenants/" + tenant + "/keys")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/tenants/" + tenant + "/keys/"))
                .body("key", startsWith("ltv_"))
                .body("scopes", hasItems("train", "predict"))
                .extract().jsonPath();
        String secret = issued.getString("key");

        asOperator().get("/api/v1/tenants/" + tenant + "/keys").then().statusCode(200)
                .body("items[0].prefix", equalTo(issued.getString("prefix")))
                .body("items[0].key", nullValue())
                .body("items[0].secret_hash", nullValue())
                .body(not(containsString(secret.substring(17))));
        as(secret).get("/api/v1/me").then().statusCode(200)
                .body("tenant_id", equalTo((int) tenant)).body("scopes", hasItems("predict", "train"));
    }

    @Test
    void shouldRejectUnknownOrMissingScopes() {
        long tenant = createTenant();
        asOperator().contentType("application/json").body(Map.of("name", "x", "scopes", List.of("superuser")))
                .post("/api/v1/tenants/" + tenant + "/keys")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("scopes")).body("detail", containsString("superuser"));
        asOperator().contentType("application/json").body(Map.of("name", "x"))
                .post("/api/v1/tenants/" + tenant + "/keys").then().statusCode(400);
        asOperator().contentType("application/json").body(Map.of("name", "x", "scopes", List.of("operator")))
                .post("/api/v1/tenants/" + tenant + "/keys").then().statusCode(400);
    }

    @Test
    void shouldRefuseARevokedKeyAndAuditTheRevocation() {
        long tenant = createTenant();
        String key = issueKey(tenant, "read");
        as(key).get("/api/v1/datasets").then().statusCode(200);
        long keyId = as(key).get("/api/v1/me").then().extract().jsonPath().getLong("key_id");

        asOperator().delete("/api/v1/tenants/" + tenant + "/keys/" + keyId).then().statusCode(200)
                .body("revoked_at", notNullValue());
        as(key).get("/api/v1/datasets").then().statusCode(401).body("detail", containsString("revoked"));
        asOperator().get("/api/v1/audit-log").then()
                .body("items.findAll { it.target_id == '" + keyId + "' }.action", hasItem("api-key.revoke"));
    }

    @Test
    void shouldLetATenantAdminManageOnlyItsOwnKeys() {
        long a = createTenant();
        long b = createTenant();
        String adminA = issueKey(a, "admin");
        String keyOfB = issueKey(b, "read");
        long keyOfBId = as(keyOfB).get("/api/v1/me").then().extract().jsonPath().getLong("key_id");

        as(adminA).contentType("application/json").body(Map.of("name", "app", "scopes", List.of("predict")))
                .post("/api/v1/tenants/" + a + "/keys").then().statusCode(201);
        as(adminA).get("/api/v1/tenants/" + b + "/keys").then().statusCode(404);
        as(adminA).contentType("application/json").body(Map.of("name", "evil", "scopes", List.of("admin")))
                .post("/api/v1/tenants/" + b + "/keys").then().statusCode(404);
        as(adminA).delete("/api/v1/tenants/" + b + "/keys/" + keyOfBId).then().statusCode(404);
        as(adminA).delete("/api/v1/tenants/" + a + "/keys/" + keyOfBId).then().statusCode(404);
        as(keyOfB).get("/api/v1/datasets").then().statusCode(200);
    }

    @Test
    void shouldForbidKeyManagementWithoutTheAdminScope() {
        long tenant = createTenant();
        String train = issueKey(tenant, "train");
        as(train).get("/api/v1/tenants/" + tenant + "/keys").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("admin"));
    }

    @Test
    void shouldNotStoreTheSecretForAReplayedKeyCreation() {
        long tenant = createTenant();
        String idem = unique("key-idem");
        var first = asOperator().header("Idempotency-Key", idem).contentType("application/json")
                .body(Map.of("name", "once", "scopes", List.of("read"))).post("/api/v1/tenants/" + tenant + "/keys")
                .then().statusCode(201).extract().jsonPath();
        asOperator().header("Idempotency-Key", idem).contentType("application/json")
                .body(Map.of("name", "once", "scopes", List.of("read"))).post("/api/v1/tenants/" + tenant + "/keys")
                .then().statusCode(201).header("Idempotency-Replayed", "true")
                .body("id", equalTo(first.getInt("id")))
                .body("key", nullValue())
                .body("note", containsString("replayed"));
    }
}

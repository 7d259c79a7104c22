package io.ltvcascade.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** OpenAPI, Swagger UI, health (with the database) and Prometheus metrics answer without a key. */
@QuarkusTest
class PlatformEndpointsTest extends ApiTestSupport {

    @Test
    void shouldReportHealthIncludingTheDatabase() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void shouldPublishOpenApiAndSwaggerUi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/datasets"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/tenants/{tenantId}/keys"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void shouldExposePrometheusMetrics() {
        asOperator().get("/api/v1/tenants").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void shouldServeTheConsole() {
        given().get("/console/").then().statusCode(200).body(containsString("LTV Cascade"));
        given().get("/console/api.js").then().statusCode(200).body(containsString("sessionStorage"));
        // the pages are ES modules: browsers refuse them unless served as JavaScript
        given().get("/console/console.js").then().statusCode(200).contentType(containsString("javascript"));
    }

    @Test
    void shouldAnswerProblemJsonForUnknownRoutes() {
        asOperator().get("/api/v1/no-such-thing").then().statusCode(404);
    }
}

package io.ltvcascade.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.agroal.api.AgroalDataSource;
import io.ltvcascade.embeddeddb.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared helpers for the api's HTTP tests: one real PostgreSQL for the whole run, tenants and keys made via the API. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
public abstract class ApiTestSupport {

    /** The operator key configured for the test profile in application.properties. */
    protected static final String OPERATOR_KEY = "ltv_000000000000_test-operator-key-not-for-production";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static {
        // JSON numbers as doubles, so statistics compare at full precision
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
    }

    protected static RequestSpecification asOperator() {
        return as(OPERATOR_KEY);
    }

    protected static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /** A unique name, so tests can share one database without seeing each other's rows. */
    protected static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    protected static long createTenant() {
        return asOperator().contentType("application/json").body(Map.of("name", unique("tenant")))
                .post("/api/v1/tenants").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    protected static String issueKey(long tenantId, String... scopes) {
        return asOperator().contentType("application/json").body(Map.of("name", "test", "scopes", List.of(scopes)))
                .post("/api/v1/tenants/" + tenantId + "/keys").then().statusCode(201).extract().jsonPath().getString("key");
    }

    /** A fresh tenant and a key of it with the given scopes. */
    protected static String newTenantKey(String... scopes) {
        return issueKey(createTenant(), scopes);
    }

    @Inject
    AgroalDataSource db;

    /** The single number a SQL query answers, read straight from the test database. */
    protected long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    protected void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute(sql);
        }
    }

    /**
     * Writes the model_versions row a worker writes when {@code jobId} succeeds (the worker's own tests train for
     * real); the JSON columns and the artifact bytes (a bytea literal) are given as SQL literals.
     */
    protected void insertWorkerVersion(long jobId, int version, String report, String history, String lineage,
            String artifact) throws SQLException {
        execute("INSERT INTO model_versions (tenant_id, model_id, version, dataset_id, job_id, config, quality_report, "
                + "history, lineage, artifact) SELECT tenant_id, model_id, " + version + ", dataset_id, id, config, '"
                + report + "', '" + history + "', '" + lineage + "', '" + artifact + "' FROM training_jobs WHERE id = "
                + jobId);
    }

    /** Like {@link #insertWorkerVersion(long, int, String, String, String, String)}, with a real artifact. */
    protected void insertWorkerVersion(long jobId, int version, byte[] artifact) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO model_versions "
                + "(tenant_id, model_id, version, dataset_id, job_id, config, quality_report, history, lineage, artifact) "
                + "SELECT tenant_id, model_id, ?, dataset_id, id, config, '{}', '[]', '{}', ? FROM training_jobs WHERE id = ?")) {
            s.setInt(1, version);
            s.setBytes(2, artifact);
            s.setLong(3, jobId);
            s.executeUpdate();
        }
    }

    /** A tenant serving model "ltv": its admin key, id, and dataset "cdnow" (the CDNOW slice) it was trained on. */
    protected record ServedModel(String key, long tenantId, long datasetId) {}

    /** A fresh tenant with dataset "cdnow" (the slice) and model "ltv" holding versions 1 and 2 (real artifacts). */
    protected ServedModel servedModel() throws SQLException {
        long tenant = createTenant();
        String key = issueKey(tenant, "admin");
        long dataset = as(key).contentType("text/csv").body(TrainedArtifacts.csv().getBytes(StandardCharsets.UTF_8))
                .queryParam("name", "cdnow").queryParam("id_column", "customer_id").queryParam("label_column", "label")
                .queryParam("ignore", "fold,label_*").post("/api/v1/datasets").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(key).contentType("application/json").body(Map.of("name", "ltv")).post("/api/v1/models").then().statusCode(201);
        for (int version = 1; version <= 2; version++) {
            long job = as(key).contentType("application/json").body(Map.of("dataset_id", dataset))
                    .post("/api/v1/models/ltv/training-jobs").then().statusCode(201).extract().jsonPath().getLong("id");
            insertWorkerVersion(job, version, TrainedArtifacts.artifact(version));
        }
        return new ServedModel(key, tenant, dataset);
    }

    protected static void setAlias(String key, String alias, int version) {
        as(key).contentType("application/json").body(Map.of("version", version))
                .put("/api/v1/models/ltv/aliases/" + alias).then().statusCode(200);
    }

    protected static Path sharedData(String relative) {
        Path root = Path.of(System.getProperty("ltv.project.root", "..")).toAbsolutePath();
        Path file = root.resolve("../shared/data").resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            fail("test data " + file + " is missing: the tests need ../shared/data beside the project checkout");
        }
        return file;
    }
}

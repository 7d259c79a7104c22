package io.ltvcascade.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.features.PredictionInput;
import io.ltvcascade.model.features.PredictionRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Online scoring through the champion, any alias or a pinned version; its errors; and parity with the library. */
@QuarkusTest
class PredictionApiTest extends ApiTestSupport {

    @Test
    void shouldScoreOneCustomerWithTheChampion() throws Exception {
        String key = servedModel().key();
        setAlias(key, "champion", 1);
        JsonPath answer = as(key).contentType("application/json").body(customers(1).get(0))
                .post("/api/v1/models/ltv/predict").then().statusCode(200)
                .body("model", equalTo("ltv")).body("version", equalTo(1)).body("alias", equalTo("champion"))
                .body("predictions", hasSize(1)).body("predictions[0].customer_id", equalTo("00001"))
                .extract().jsonPath();
        List<Double> probabilities = answer.getList("predictions[0].bucket_probabilities", Double.class);
        assertEquals(1.0, probabilities.stream().mapToDouble(Double::doubleValue).sum(), 1e-5);
        assertTrue(answer.getDouble("predictions[0].expected_ltv") >= 0);
        double payer = answer.getDouble("predictions[0].p_payer");
        assertTrue(payer > 0 && payer < 1, "p_payer " + payer);
        // the high-value confidence is reported where the module ran: for customers placed in the top bucket
        assertTrue(answer.getMap("predictions[0]").containsKey("high_value_confidence"));
        assertTrue(answer.getList("warnings.columns[0]", String.class).containsAll(List.of("fold", "label")));
    }

    @Test
    void shouldScoreExactlyAsTheLibraryDoesForJsonAndCsvBodies() throws Exception {
        String key = servedModel().key();
        List<Map<String, Object>> rows = customers(40);
        List<Double> json = as(key).contentType("application/json").body(rows)
                .post("/api/v1/models/ltv/versions/1/predict").then().statusCode(200)
                .extract().jsonPath().getList("predictions.expected_ltv", Double.class);
        List<Double> csv = as(key).contentType("text/csv").body(csvOf(41))
                .post("/api/v1/models/ltv/versions/1/predict").then().statusCode(200)
                .extract().jsonPath().getList("predictions.expected_ltv", Double.class);
        try (LtvModel model = ModelArtifact.read(TrainedArtifacts.artifact(1), Device.cpu())) {
            PredictionRows parsed = PredictionInput.readCsv(new ByteArrayInputStream(csvOf(41).getBytes(StandardCharsets.UTF_8)),
                    "customer_id", model.features());
            Predictions library = model.predict(parsed.table());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(library.expected()[i], json.get(i), "json row " + i);
                assertEquals(library.expected()[i], csv.get(i), "csv row " + i);
            }
        }
    }

    @Test
    void shouldScoreABodySentInChunksWithoutALengthAsOneSentWhole() throws Exception {
        String key = servedModel().key();
        byte[] csv = csvOf(21).getBytes(StandardCharsets.UTF_8);
        // an InputStream body of unknown length goes out chunked: it bypasses PredictionBodyBuffer
        List<Double> streamed = as(key).contentType("text/csv").body(new ByteArrayInputStream(csv))
                .post("/api/v1/models/ltv/versions/1/predict").then().statusCode(200)
                .extract().jsonPath().getList("predictions.expected_ltv", Double.class);
        List<Double> whole = as(key).contentType("text/csv").body(csv)
                .post("/api/v1/models/ltv/versions/1/predict").then().statusCode(200)
                .extract().jsonPath().getList("predictions.expected_ltv", Double.class);
        assertEquals(20, streamed.size());
        assertEquals(whole, streamed);
    }

    @Test
    void shouldAnswer413ForABodyOverTheLimitWithOrWithoutItsLength() throws Exception {
        String key = servedModel().key();
        byte[] big = ("customer_id,total_spend\n" + "a,1\n".repeat(300_000)).getBytes(StandardCharsets.UTF_8);
        as(key).contentType("text/csv").body(big).post("/api/v1/models/ltv/versions/1/predict")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("exceeds 1000000 bytes"));
        as(key).contentType("text/csv").body(new ByteArrayInputStream(big)).post("/api/v1/models/ltv/versions/1/predict")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerWithTheVersionAnAliasPointsAtRightAfterItMoves() throws Exception {
        String key = servedModel().key();
        Map<String, Object> customer = customers(3).get(2);
        setAlias(key, "champion", 1);
        double first = championScore(key, customer, 1);
        setAlias(key, "champion", 2);
        double second = championScore(key, customer, 2);
        assertNotEquals(first, second, "the two versions were trained with different seeds");
        setAlias(key, "champion", 1);
        assertEquals(first, championScore(key, customer, 1), "rollback answers with version 1 again");

        setAlias(key, "challenger", 2);
        as(key).contentType("application/json").body(customer).post("/api/v1/models/ltv/aliases/challenger/predict")
                .then().statusCode(200).body("version", equalTo(2)).body("alias", equalTo("challenger"));
        as(key).contentType("application/json").body(customer).post("/api/v1/models/ltv/versions/2/predict")
                .then().statusCode(200).body("version", equalTo(2)).body("alias", nullValue());
    }

    @Test
    void shouldCacheResolutionsAndFollowAnAliasMovedByAnotherWriterEvenWhenNotListening() throws Exception {
        ServedModel served = servedModel();
        String key = served.key();
        Map<String, Object> customer = customers(1).get(0);
        await(() -> count("SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN ltv_serving_targets'") == 1,
                "the listener");
        setAlias(key, "champion", 1);
        championScore(key, customer, 1);

        // resolutions are cached: without the notification a change made elsewhere is not seen
        execute("ALTER TABLE model_aliases DISABLE TRIGGER model_aliases_notify");
        try {
            moveChampionInTheDatabase(served, 2);
            championScore(key, customer, 1);
        } finally {
            execute("ALTER TABLE model_aliases ENABLE TRIGGER model_aliases_notify");
        }
        // a worker's promotion or another replica: straight to the table (rewriting the row notifies), heard here
        moveChampionInTheDatabase(served, 2);
        awaitVersion(key, customer, 2);

        // the listening connection dies: answers come from a query per request until it is back, then from the cache
        assertEquals(1, count("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE query = 'LISTEN ltv_serving_targets') t"));
        moveChampionInTheDatabase(served, 1);
        awaitVersion(key, customer, 1);
        await(() -> count("SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN ltv_serving_targets'") == 1,
                "the listener to reconnect");
        championScore(key, customer, 1);
        moveChampionInTheDatabase(served, 2);
        awaitVersion(key, customer, 2);
    }

    @Test
    void shouldImputeMissingFeaturesAndListUnknownColumns() throws Exception {
        String key = servedModel().key();
        Map<String, Object> sparse = Map.of("customer_id", "x1", "total_spend", 120.5, "favourite_colour", "teal");
        as(key).contentType("application/json").body(List.of(sparse, Map.of("customer_id", 42)))
                .post("/api/v1/models/ltv/versions/1/predict").then().statusCode(200)
                .body("predictions", hasSize(2)).body("predictions[1].customer_id", equalTo("42"))
                .body("warnings[0].type", equalTo("ignored-columns"))
                .body("warnings[0].columns", equalTo(List.of("favourite_colour")))
                .body("warnings[0].customer_ids", nullValue()).body("warnings", hasSize(1));
    }

    @Test
    void shouldScoreEveryRowOfARepeatedCustomerIdAndSaySo() throws Exception {
        String key = servedModel().key();
        List<Map<String, Object>> rows = List.of(Map.of("customer_id", "a", "total_spend", 10),
                Map.of("customer_id", "b"), Map.of("customer_id", "a", "total_spend", 900), Map.of("customer_id", "b"));
        JsonPath answer = as(key).contentType("application/json").body(rows)
                .post("/api/v1/models/ltv/versions/1/predict").then().statusCode(200)
                .body("predictions.customer_id", equalTo(List.of("a", "b", "a", "b")))
                .body("warnings[0].type", equalTo("repeated-customer-ids"))
                .body("warnings[0].customer_ids", equalTo(List.of("a", "b")))
                .body("warnings[0].columns", nullValue()).extract().jsonPath();
        assertNotEquals(answer.getDouble("predictions[0].expected_ltv"),
                answer.getDouble("predictions[2].expected_ltv"), "each row is scored on its own features");
        as(key).contentType("application/json").body(rows.subList(0, 2)).post("/api/v1/models/ltv/versions/1/predict")
                .then().statusCode(200).body("warnings", hasSize(0));
    }

    @Test
    void shouldReadACustomerWhateverItsFieldOrderAndSkipNestedUnknownFields() throws Exception {
        String key = servedModel().key();
        Map<String, Object> customer = customers(1).get(0);
        List<String> names = new ArrayList<>(customer.keySet());
        java.util.Collections.reverse(names);
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("notes", Map.of("nested", List.of(1, 2, Map.of("deeper", true))));
        names.forEach(name -> reordered.put(name, customer.get(name)));

        JsonPath answer = as(key).contentType("application/json").body(reordered)
                .post("/api/v1/models/ltv/versions/1/predict").then().statusCode(200)
                .body("warnings[0].columns", org.hamcrest.Matchers.hasItem("notes")).extract().jsonPath();

        assertEquals(as(key).contentType("application/json").body(customer).post("/api/v1/models/ltv/versions/1/predict")
                .then().statusCode(200).extract().jsonPath().getDouble("predictions[0].expected_ltv"),
                answer.getDouble("predictions[0].expected_ltv"), 0.0, "the id after the features reads the same");
        // customers of one request in different field orders (the reader remembers names by position)
        JsonPath mixed = as(key).contentType("application/json").body(List.of(customer, reordered, customer))
                .post("/api/v1/models/ltv/versions/1/predict").then().statusCode(200)
                .body("warnings[0].columns", equalTo(answer.getList("warnings[0].columns"))).extract().jsonPath();
        for (int row = 0; row < 3; row++) {
            assertEquals(answer.getDouble("predictions[0].expected_ltv"),
                    mixed.getDouble("predictions[" + row + "].expected_ltv"), 0.0, "customer " + row);
        }
        Map<String, Object> objectForNumber = new LinkedHashMap<>(customer);
        objectForNumber.put("total_spend", Map.of("value", 3));
        as(key).contentType("application/json").body(objectForNumber).post("/api/v1/models/ltv/versions/1/predict")
                .then().statusCode(422).body("field", equalTo("total_spend")).body("detail", containsString("an object"));
    }

    @Test
    void shouldRefuseBadInputNamingRowAndField() throws Exception {
        String key = servedModel().key();
        Map<String, Object> good = customers(1).get(0);
        Map<String, Object> wrongType = new LinkedHashMap<>(good);
        wrongType.put("total_spend", "lots");
        as(key).contentType("application/json").body(List.of(good, wrongType))
                .post("/api/v1/models/ltv/versions/1/predict").then().statusCode(422)
                .contentType("application/problem+json").body("row", equalTo(1)).body("field", equalTo("total_spend"))
                .body("detail", containsString("numeric"));
        as(key).contentType("application/json").body(Map.of("total_spend", 3))
                .post("/api/v1/models/ltv/versions/1/predict").then().statusCode(422)
                .body("row", equalTo(0)).body("field", equalTo("customer_id"));
        as(key).contentType("application/json").body("{\"customer_id\": \"a\", \"total_spend\": NaN}")
                .post("/api/v1/models/ltv/versions/1/predict").then().statusCode(400)
                .contentType("application/problem+json");
        as(key).contentType("application/json").body("[]").post("/api/v1/models/ltv/versions/1/predict")
                .then().statusCode(422);
        as(key).contentType("text/csv").body("customer_id,total_spend\na,1\nb,many\n")
                .post("/api/v1/models/ltv/versions/1/predict").then().statusCode(422)
                .body("title", equalTo("Invalid prediction input"))
                .body("line", equalTo(3)).body("column", equalTo("total_spend"));
        as(key).contentType("text/plain").body("hello").post("/api/v1/models/ltv/versions/1/predict")
                .then().statusCode(415);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            tooMany.add(Map.of("customer_id", "c" + i));
        }
        as(key).contentType("application/json").body(tooMany).post("/api/v1/models/ltv/versions/1/predict")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer404ForUnknownModelsVersionsAndAliases() throws Exception {
        String key = servedModel().key();
        Map<String, Object> customer = customers(1).get(0);
        as(key).contentType("application/json").body(customer).post("/api/v1/models/nope/predict").then()
                .statusCode(404).body("detail", containsString("model nope"));
        as(key).contentType("application/json").body(customer).post("/api/v1/models/ltv/predict").then()
                .statusCode(404).body("detail", containsString("champion"));
        as(key).contentType("application/json").body(customer).post("/api/v1/models/ltv/versions/9/predict").then()
                .statusCode(404).body("detail", equalTo("version 9 of model ltv does not exist"));
        as(key).contentType("application/json").body(customer).post("/api/v1/models/ltv/aliases/nope/predict").then()
                .statusCode(404).body("detail", equalTo("alias nope of model ltv does not exist"));
        as(key).post("/api/v1/models/ltv/versions/2/archive").then().statusCode(204);
        as(key).contentType("application/json").body(customer).post("/api/v1/models/ltv/versions/2/predict").then()
                .statusCode(409).body("detail", containsString("archived"));
    }

    @Test
    void shouldKeepTenantsApart() throws Exception {
        ServedModel served = servedModel();
        String owner = served.key();
        setAlias(owner, "champion", 1);
        String stranger = newTenantKey("predict");
        Map<String, Object> customer = customers(1).get(0);
        as(stranger).contentType("application/json").body(customer).post("/api/v1/models/ltv/predict").then()
                .statusCode(404);
        as(stranger).contentType("application/json").body(customer).post("/api/v1/models/ltv/versions/1/predict")
                .then().statusCode(404);
        String readOnly = issueKey(served.tenantId(), "read");
        as(readOnly).contentType("application/json").body(customer).post("/api/v1/models/ltv/predict").then()
                .statusCode(403);
        as(owner).contentType("application/json").body(customer).post("/api/v1/models/ltv/predict").then()
                .statusCode(200);
        as(newTenantKey("admin")).get("/api/v1/models/ltv/versions/1/artifact").then().statusCode(404);
    }

    @Test
    void shouldHandOutTheArtifactForOfflineScoring() throws Exception {
        String key = servedModel().key();
        byte[] artifact = as(key).get("/api/v1/models/ltv/versions/2/artifact").then().statusCode(200)
                .contentType("application/octet-stream").extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(TrainedArtifacts.artifact(2), artifact);
        as(key).get("/api/v1/models/ltv/versions/3/artifact").then().statusCode(404);
    }

    private void moveChampionInTheDatabase(ServedModel served, int version) throws SQLException {
        execute("UPDATE model_aliases a SET version_id = v.id FROM model_versions v WHERE a.tenant_id = "
                + served.tenantId() + " AND a.alias = 'champion' AND v.tenant_id = a.tenant_id AND v.model_id = a.model_id "
                + "AND v.version = " + version);
    }

    private static void awaitVersion(String key, Map<String, Object> customer, int version) throws Exception {
        await(() -> as(key).contentType("application/json").body(customer).post("/api/v1/models/ltv/predict")
                .then().statusCode(200).extract().jsonPath().getInt("version") == version, "version " + version + " to answer");
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                org.junit.jupiter.api.Assertions.fail("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static double championScore(String key, Map<String, Object> customer, int expectedVersion) {
        return as(key).contentType("application/json").body(customer).post("/api/v1/models/ltv/predict").then()
                .statusCode(200).body("version", equalTo(expectedVersion)).extract().jsonPath()
                .getDouble("predictions[0].expected_ltv");
    }

    /** The first {@code n} customers of the slice as JSON objects: numbers as numbers, the id as text. */
    static List<Map<String, Object>> customers(int n) {
        String[] lines = TrainedArtifacts.csv().split("\n");
        String[] header = lines[0].split(",");
        List<Map<String, Object>> out = new ArrayList<>();
        for (int r = 1; r <= n; r++) {
            String[] cells = lines[r].split(",", -1);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], c == 0 || !cells[c].matches("-?[0-9.]+") ? cells[c] : Double.parseDouble(cells[c]));
            }
            out.add(row);
        }
        return out;
    }

    private static String csvOf(int lines) {
        String[] all = TrainedArtifacts.csv().split("\n");
        return String.join("\n", java.util.Arrays.copyOf(all, lines)) + "\n";
    }
}

package io.ltvcascade.e2e;

import static io.ltvcascade.e2e.Platform.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltvcascade.embeddeddb.TestDatabase;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged scheduler nodes on one database (Quartz clustered): a schedule made over HTTP queues exactly one
 * training job per fire; with every node down past fire times, the restarted node fires once, not once per missed
 * fire time.
 */
class SchedulerClusterIT {

    private static final String OPERATOR = "ltv_0000000000e3_e2e-operator-key-not-for-production";
    private static final String CSV = "customer_id,spend,label\na,10,0\nb,20,5\nc,5,0\nd,40,12\ne,8,1\n";
    private static final long PERIOD_MS = 2000;

    private static TestDatabase database;
    private static Process api;
    private static final List<Process> schedulers = new ArrayList<>();

    @BeforeAll
    static void startApi() throws Exception {
        database = TestDatabase.create();
        int port = Platform.freePort();
        api = Platform.api(database, port, OPERATOR, false, "e2e-scheduler-api.log");
        RestAssured.port = port;
        Platform.waitFor(() -> given().get("/q/health/ready").statusCode() == 200, Duration.ofMinutes(2),
                "the api to start", api);
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        for (Process p : schedulers) {
            Platform.stop(p);
        }
        Platform.stop(api);
        database.close();
    }

    @Test
    void shouldQueueOneJobPerFireAcrossNodesAndFireOnceAfterAnOutage() throws Exception {
        String key = tenantKey();
        as(key).contentType("text/csv").body(CSV).queryParam("name", "sales").queryParam("id_column", "customer_id")
                .queryParam("label_column", "label").post("/api/v1/datasets").then().statusCode(201);
        as(key).contentType("application/json").body(Map.of("name", "m")).post("/api/v1/models").then().statusCode(201);
        long schedule = as(key).contentType("application/json").body(Map.of("model", "m", "cron", "*/2 * * * * ?",
                        "dataset_name", "sales", "force_retrain", true)).post("/api/v1/schedules")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        Process first = startScheduler(1);
        Process second = startScheduler(2);
        Platform.waitFor(() -> count("SELECT count(*) FROM qrtz_scheduler_state") == 2, Duration.ofMinutes(1),
                "both nodes to join the cluster", first, second);
        Platform.waitFor(() -> fireTimes(key).size() >= 5, Duration.ofSeconds(30), "five fires", first, second);

        List<Instant> fires = fireTimes(key);
        for (int i = 1; i < fires.size(); i++) {
            assertEquals(PERIOD_MS, fires.get(i).toEpochMilli() - fires.get(i - 1).toEpochMilli(),
                    "one job per fire time, none missed or doubled: " + fires);
        }
        assertEquals(fires.size(), as(key).queryParam("limit", 500).get("/api/v1/schedules/" + schedule + "/history")
                .then().statusCode(200).extract().jsonPath().getList("items").size());

        Platform.stop(first);
        Platform.stop(second);
        Instant down = Instant.now();
        Thread.sleep(7_000);
        Instant restarted = Instant.now();
        Process third = startScheduler(3);
        Platform.waitFor(() -> last(fireTimes(key)).isAfter(restarted), Duration.ofMinutes(1), "a fire after the restart", third);
        Thread.sleep(3 * PERIOD_MS);

        List<Instant> after = fireTimes(key).stream().filter(t -> t.isAfter(down)).toList();
        assertTrue(after.stream().noneMatch(t -> t.isBefore(restarted)), "missed fire times are not replayed: " + after);
        List<Instant> offGrid = after.stream().filter(t -> t.toEpochMilli() % PERIOD_MS != 0).toList();
        assertEquals(1, offGrid.size(), "exactly one recovery fire, at the restart: " + after);
        assertEquals(offGrid.get(0), after.get(0), "the recovery fire comes first: " + after);
        assertTrue(after.size() >= 2, "regular fires follow: " + after);
    }

    private static Process startScheduler(int node) throws Exception {
        Process p = Platform.launch(Platform.SCHEDULER_JAR, database, Map.of("LTV_SCHEDULER_SYNC_INTERVAL", "500ms"),
                "e2e-scheduler-" + node + ".log");
        schedulers.add(p);
        return p;
    }

    /** The fire times of the schedule's jobs, read over HTTP, in order. */
    private static List<Instant> fireTimes(String key) {
        List<String> times = as(key).queryParam("model", "m").queryParam("limit", 500).get("/api/v1/training-jobs")
                .then().statusCode(200).extract().jsonPath().getList("items.fire_time", String.class);
        return times.stream().map(Instant::parse).sorted().toList();
    }

    private static Instant last(List<Instant> times) {
        return times.isEmpty() ? Instant.EPOCH : times.get(times.size() - 1);
    }

    private static long count(String sql) throws Exception {
        Properties props = new Properties();
        if (database.username() != null) {
            props.setProperty("user", database.username());
            props.setProperty("password", database.password());
        }
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), props);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String tenantKey() {
        long tenant = as(OPERATOR).contentType("application/json").body(Map.of("name", "sched"))
                .post("/api/v1/tenants").then().statusCode(201).extract().jsonPath().getLong("id");
        return as(OPERATOR).contentType("application/json").body(Map.of("name", "k", "scopes", List.of("admin")))
                .post("/api/v1/tenants/" + tenant + "/keys").then().statusCode(201).extract().jsonPath().getString("key");
    }

}

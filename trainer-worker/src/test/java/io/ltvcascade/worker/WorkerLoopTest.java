package io.ltvcascade.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.ltvcascade.embeddeddb.TestDatabase;
import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.worker.queue.ShutdownSignal;
import io.ltvcascade.worker.support.WorkerDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The loop records every outcome and keeps going: success, unreadable job, retry, empty queue. */
class WorkerLoopTest {

    private static WorkerDatabase db;
    private static long[] dataset;

    @BeforeAll
    static void setUp() throws Exception {
        db = new WorkerDatabase();
        dataset = db.dataset("loop-test", SyntheticData.generate(1500, 6));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void shouldRecordEachOutcomeAndKeepPolling() throws Exception {
        WorkerConfig config = new WorkerConfig("unused", null, null, "loop-worker", Duration.ofMinutes(1),
                Duration.ofMillis(10), Duration.ZERO);
        WorkerLoop loop = new WorkerLoop(config, db.dataSource(), new ShutdownSignal());
        long broken = db.job(dataset[0], dataset[1], "{\"model\": {\"model_type\": \"nonsense\"}}");
        long good = db.job(dataset[0], dataset[1], "{\"model\": {\"encoder_widths\": [8], \"training\": "
                + "{\"epochs\": 1}}, \"split\": {\"train_share\": 0.6, \"validation_share\": 0.2}}");

        assertTrue(loop.runOnce());
        assertEquals("FAILED", db.text("SELECT status FROM training_jobs WHERE id = " + broken));
        assertTrue(db.text("SELECT error FROM training_jobs WHERE id = " + broken).contains("nonsense"));
        assertTrue(loop.runOnce());
        assertEquals("SUCCEEDED", db.text("SELECT status FROM training_jobs WHERE id = " + good));
        assertFalse(loop.runOnce(), "the queue is empty now");
    }

    @Test
    void shouldWaitQuietlyForTheSchemaOfAFreshDatabase() throws Exception {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(WorkerLoop.class.getName());
        logger.addHandler(capture);
        try (TestDatabase empty = TestDatabase.create()) {
            WorkerConfig config = new WorkerConfig(empty.jdbcUrl(), empty.username(), empty.password(), "early-worker",
                    Duration.ofMinutes(1), Duration.ofMillis(10), Duration.ZERO);
            try (HikariDataSource dataSource = ConnectionPool.open(config)) {
                WorkerLoop loop = new WorkerLoop(config, dataSource, new ShutdownSignal());

                assertFalse(loop.runOnce());
                assertFalse(loop.runOnce());
            }
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(List.of("waiting for the database schema (the api applies the migrations when it starts)"),
                records.stream().map(LogRecord::getMessage).toList(), "one line, no warning with a stack trace");
    }

    @Test
    void shouldReuseItsDatabaseConnections() throws Exception {
        WorkerConfig config = new WorkerConfig(db.jdbcUrl(), db.user(), db.password(), "pooled-worker",
                Duration.ofMinutes(1), Duration.ofMillis(10), Duration.ZERO);
        String oldestBackend = "SELECT min(backend_start)::text FROM pg_stat_activity WHERE application_name = '"
                + ConnectionPool.APPLICATION_NAME + "'";
        try (HikariDataSource pool = ConnectionPool.open(config)) {
            WorkerLoop loop = new WorkerLoop(config, pool, new ShutdownSignal());
            assertFalse(loop.runOnce());
            String first = db.text(oldestBackend);
            for (int i = 0; i < 5; i++) {
                assertFalse(loop.runOnce());
            }

            assertNotNull(first, "the connection that polled stays open for the next poll");
            assertEquals(first, db.text(oldestBackend), "later polls use the same backend");
            assertTrue(db.single("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                    + ConnectionPool.APPLICATION_NAME + "'") <= ConnectionPool.MAX_CONNECTIONS);
        }
    }

    @Test
    void shouldRefuseToStartWithoutADatabaseUrl() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WorkerConfig.fromEnvironment(java.util.Map.of()));
        assertTrue(e.getMessage().contains("LTV_DB_URL"));
    }
}

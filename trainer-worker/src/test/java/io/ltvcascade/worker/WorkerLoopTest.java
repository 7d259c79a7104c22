package io.ltvcascade.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.worker.support.WorkerDatabase;
import java.time.Duration;
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
        WorkerLoop loop = new WorkerLoop(config, db.dataSource());
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
    void shouldRefuseToStartWithoutADatabaseUrl() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WorkerConfig.fromEnvironment(java.util.Map.of()));
        assertTrue(e.getMessage().contains("LTV_DB_URL"));
    }
}

package io.ltvcascade.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.worker.support.WorkerDatabase;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workers as separate JVMs: the one training is killed with SIGKILL mid-run, and after its lease expires the other
 * re-runs the job, with exactly one version for it; one stopped with SIGTERM hands its job back at once, without
 * using up an attempt; one whose parent process dies exits.
 */
class WorkerCrashTest {

    private static WorkerDatabase db;

    @BeforeAll
    static void setUp() {
        db = new WorkerDatabase();
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void shouldFinishOnTheSurvivorWithExactlyOneVersionWhenTheTrainingWorkerIsKilled() throws Exception {
        long job = trainingJob("crash-test", 8);
        Process victim = worker("victim");
        Process survivor = null;
        try {
            waitFor(() -> "victim".equals(db.text("SELECT lease_owner FROM training_jobs WHERE id = " + job))
                    && db.text("SELECT progress FROM training_jobs WHERE id = " + job) != null, Duration.ofMinutes(2));
            survivor = worker("survivor");
            victim.destroyForcibly().waitFor();
            assertEquals("RUNNING", db.text("SELECT status FROM training_jobs WHERE id = " + job),
                    "a killed worker's job stays RUNNING until its lease expires");
            waitFor(() -> "SUCCEEDED".equals(db.text("SELECT status FROM training_jobs WHERE id = " + job)),
                    Duration.ofMinutes(4));
        } finally {
            victim.destroyForcibly();
            if (survivor != null) {
                survivor.destroyForcibly();
            }
        }
        assertEquals(2, db.single("SELECT attempts FROM training_jobs WHERE id = " + job));
        assertEquals(1, db.single("SELECT count(*) FROM model_versions WHERE job_id = " + job));
        assertEquals("survivor", db.text("SELECT lineage->>'worker' FROM model_versions WHERE job_id = " + job));
    }

    @Test
    void shouldHandItsJobBackAtOnceWhenStoppedWithSigterm() throws Exception {
        long job = trainingJob("stop-test", 9);
        db.execute("UPDATE training_jobs SET max_attempts = 1 WHERE id = " + job);
        Process stopping = worker("stopping");
        Process next = null;
        try {
            waitFor(() -> "stopping".equals(db.text("SELECT lease_owner FROM training_jobs WHERE id = " + job))
                    && db.text("SELECT progress FROM training_jobs WHERE id = " + job) != null, Duration.ofMinutes(2));
            stopping.destroy(); // SIGTERM, as the api or a deploy stops a worker
            assertTrue(stopping.waitFor(30, TimeUnit.SECONDS), "the worker exits soon after SIGTERM");
            assertEquals("QUEUED", db.text("SELECT status FROM training_jobs WHERE id = " + job),
                    "the job is queued again at once, not held until its lease expires");
            assertEquals(0, db.single("SELECT attempts FROM training_jobs WHERE id = " + job));
            next = worker("next");
            waitFor(() -> "SUCCEEDED".equals(db.text("SELECT status FROM training_jobs WHERE id = " + job)),
                    Duration.ofMinutes(4));
        } finally {
            stopping.destroyForcibly();
            if (next != null) {
                next.destroyForcibly();
            }
        }
        assertEquals(1, db.single("SELECT attempts FROM training_jobs WHERE id = " + job),
                "the stopped run did not use up the job's only attempt");
        assertEquals("next", db.text("SELECT lineage->>'worker' FROM model_versions WHERE job_id = " + job));
    }

    @Test
    void shouldStopWhenTheProcessThatStartedItIsKilled() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        Process child = worker("orphan", Map.of("LTV_PARENT_PID", String.valueOf(parent.pid())));
        try {
            assertTrue(child.isAlive());
            parent.destroyForcibly().waitFor();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the worker exits once its parent is gone");
        } finally {
            parent.destroyForcibly();
            child.destroyForcibly();
        }
    }

    /** A training job of several seconds (eight epochs on 60,000 generated rows) on a dataset of its own tenant. */
    private static long trainingJob(String tenant, int dataSeed) throws Exception {
        long[] dataset = db.dataset(tenant, SyntheticData.generate(60_000, dataSeed));
        return db.job(dataset[0], dataset[1], "{\"model\": {\"encoder_widths\": [64, 32], \"training\": "
                + "{\"epochs\": 8, \"batch_size\": 512, \"patience\": 8}}, "
                + "\"split\": {\"train_share\": 0.6, \"validation_share\": 0.2}, \"seed\": 3}");
    }

    private static Process worker(String id) throws Exception {
        return worker(id, Map.of());
    }

    private static Process worker(String id, Map<String, String> extraEnvironment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName())
                .redirectErrorStream(true).redirectOutput(new File("target/worker-" + id + ".log"));
        builder.environment().put("LTV_DB_URL", db.jdbcUrl());
        if (db.user() != null) {
            builder.environment().put("LTV_DB_USER", db.user());
        }
        builder.environment().put("LTV_WORKER_ID", id);
        builder.environment().put("LTV_WORKER_LEASE_SECONDS", "3");
        builder.environment().put("LTV_WORKER_POLL_SECONDS", "1");
        builder.environment().putAll(extraEnvironment);
        return builder.start();
    }

    private static void waitFor(Callable<Boolean> condition, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.call()) {
            assertTrue(Instant.now().isBefore(deadline), "gave up waiting after " + limit);
            Thread.sleep(200);
        }
    }
}

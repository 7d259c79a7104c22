package io.ltvcascade.worker.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.worker.queue.ClaimedJob;
import io.ltvcascade.worker.queue.JobFailure;
import io.ltvcascade.worker.queue.JobKind;
import io.ltvcascade.worker.queue.JobQueue;
import io.ltvcascade.worker.queue.ShutdownSignal;
import io.ltvcascade.worker.support.WorkerDatabase;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A claimed job trained for real against PostgreSQL: one version with its report, or a clean stop. */
class TrainingRunTest {

    private static final String CONFIG = "{\"model\": {\"model_type\": \"ccor\", \"encoder_widths\": [16], "
            + "\"training\": {\"epochs\": 2, \"batch_size\": 256}}, "
            + "\"split\": {\"train_share\": 0.6, \"validation_share\": 0.2}, \"seed\": 5}";
    private static final Duration LEASE = Duration.ofMinutes(5);

    private static WorkerDatabase db;
    private static long[] dataset;

    @BeforeAll
    static void setUp() throws Exception {
        db = new WorkerDatabase();
        dataset = db.dataset("run-test", SyntheticData.generate(2000, 3));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void shouldWriteOneVersionWithItsReportHistoryAndLineage() throws Exception {
        long jobId = db.job(dataset[0], dataset[1], CONFIG);
        JobQueue queue = new JobQueue(db.dataSource(), JobKind.TRAINING);
        ClaimedJob job = queue.claim("w1", LEASE).orElseThrow();
        assertEquals(jobId, job.id());

        int version = new TrainingRun(db.dataSource(), queue, LEASE, new ShutdownSignal()).run(job);

        assertEquals(1, version);
        assertEquals("SUCCEEDED", db.text("SELECT status FROM training_jobs WHERE id = " + jobId));
        assertEquals(1, db.single("SELECT count(*) FROM model_versions WHERE job_id = " + jobId));
        assertTrue(db.single("SELECT length(artifact) FROM model_versions WHERE job_id = " + jobId) > 1000);
        assertTrue(db.text("SELECT quality_report->>'normalized_gini' FROM model_versions WHERE job_id = " + jobId)
                .matches("-?0\\.\\d+.*"));
        assertEquals(2, db.single("SELECT jsonb_array_length(history) FROM model_versions WHERE job_id = " + jobId));
        assertEquals("cpu()", db.text("SELECT lineage->>'device' FROM model_versions WHERE job_id = " + jobId));
        assertEquals(2, db.single("SELECT (progress->>'epoch')::int FROM training_jobs WHERE id = " + jobId));
        assertEquals(2, db.single("SELECT jsonb_array_length(progress->'curve') FROM training_jobs WHERE id = " + jobId),
                "the loss and validation Gini of every epoch so far, for the console's chart");
    }

    @Test
    void shouldStopWhenCancellationIsRequested() throws Exception {
        long jobId = db.job(dataset[0], dataset[1], CONFIG);
        JobQueue queue = new JobQueue(db.dataSource(), JobKind.TRAINING);
        ClaimedJob job = queue.claim("w2", LEASE).orElseThrow();
        db.execute("UPDATE training_jobs SET cancel_requested = TRUE WHERE id = " + jobId);
        // the flag is read at the first epoch's heartbeat; the second epoch then stops before its first batch
        assertThrows(CancellationException.class, () -> new TrainingRun(db.dataSource(), queue, LEASE, new ShutdownSignal()).run(job));
        assertEquals(0, db.single("SELECT count(*) FROM model_versions WHERE job_id = " + jobId));
    }

    @Test
    void shouldFailWithoutRetryWhenTheDatasetIsGone() throws Exception {
        long[] other = db.dataset("gone-test", SyntheticData.generate(500, 4));
        long jobId = db.job(other[0], other[1], CONFIG);
        db.execute("UPDATE datasets SET status = 'DELETED' WHERE id = " + other[1]);
        JobQueue queue = new JobQueue(db.dataSource(), JobKind.TRAINING);
        ClaimedJob job = queue.claim("w3", LEASE).orElseThrow();
        JobFailure failure = assertThrows(JobFailure.class, () -> new TrainingRun(db.dataSource(), queue, LEASE, new ShutdownSignal()).run(job));
        assertTrue(!failure.retryable() && failure.getMessage().contains("deleted"));
        assertEquals(jobId, job.id());
    }
}

package io.ltvcascade.worker.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.scoring.PredictionBlocks;
import io.ltvcascade.model.scoring.ScoredCustomer;
import io.ltvcascade.worker.queue.ClaimedJob;
import io.ltvcascade.worker.queue.JobFailure;
import io.ltvcascade.worker.queue.JobKind;
import io.ltvcascade.worker.queue.JobQueue;
import io.ltvcascade.worker.queue.LeaseLost;
import io.ltvcascade.worker.queue.ShutdownSignal;
import io.ltvcascade.worker.support.WorkerDatabase;
import io.ltvcascade.worker.train.TrainingRun;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A claimed scoring job run for real: chunks in order with the library's exact numbers, or a clean stop. */
class ScoringRunTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final String CONFIG = "{\"model\": {\"model_type\": \"ccor\", \"encoder_widths\": [16], "
            + "\"training\": {\"epochs\": 1, \"batch_size\": 1024}}, "
            + "\"split\": {\"train_share\": 0.6, \"validation_share\": 0.2}, \"seed\": 3}";

    private static WorkerDatabase db;
    private static Table data;
    private static long tenant;
    private static long dataset;
    private static long version;

    @BeforeAll
    static void setUp() throws Exception {
        db = new WorkerDatabase();
        data = SyntheticData.generate(PredictionBlocks.CHUNK_ROWS * 2 + 100, 8);
        // blocks of 5,000 rows: every chunk of 16,384 starts and ends inside a block
        long[] ids = db.dataset("scoring-test", data, 5_000);
        tenant = ids[0];
        dataset = ids[1];
        long trainingJob = db.job(tenant, dataset, CONFIG);
        JobQueue training = new JobQueue(db.dataSource(), JobKind.TRAINING);
        new TrainingRun(db.dataSource(), training, LEASE, new ShutdownSignal()).run(training.claim("trainer", LEASE).orElseThrow());
        version = db.single("SELECT id FROM model_versions WHERE job_id = " + trainingJob);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void shouldStoreEveryRowInOrderWithTheLibrarysNumbers() throws Exception {
        long jobId = db.scoringJob(tenant, dataset, version);
        JobQueue queue = new JobQueue(db.dataSource(), JobKind.SCORING);
        ClaimedJob job = queue.claim("scorer", LEASE).orElseThrow();

        assertEquals(data.rows(), new ScoringRun(db.dataSource(), queue, LEASE, new ShutdownSignal()).run(job));

        assertEquals("SUCCEEDED", db.text("SELECT status FROM scoring_jobs WHERE id = " + jobId));
        assertEquals(data.rows(), db.single("SELECT result_rows FROM scoring_jobs WHERE id = " + jobId));
        assertEquals(3, db.single("SELECT count(*) FROM scoring_results WHERE job_id = " + jobId));
        assertEquals(data.rows(), db.single("SELECT (progress->>'rows_scored')::int FROM scoring_jobs WHERE id = " + jobId));
        int buckets = (int) db.single("SELECT result_buckets FROM scoring_jobs WHERE id = " + jobId);
        List<ScoredCustomer> stored = results(jobId, buckets);
        byte[] artifact = artifact();
        try (LtvModel model = ModelArtifact.read(artifact, Device.cpu())) {
            Predictions library = model.predict(data);
            for (int i = 0; i < data.rows(); i++) {
                assertEquals(data.ids()[i], stored.get(i).customerId());
                assertEquals(library.expected()[i], stored.get(i).expectedLtv(), "row " + i);
            }
        }
    }

    @Test
    void shouldFailWithoutRetriesOrResultsWhenTheDatasetLostRowsWhileRunning() throws Exception {
        // what a job that reads its rows chunk by chunk would meet if the dataset's blocks were deleted under it
        assertFailsOnLostRows(4, "lost rows 16384 to 32768");
    }

    @Test
    void shouldFailWithoutRetriesOrResultsWhenTheFirstChunksRowsAreLost() throws Exception {
        // a job whose very first read fails stores nothing and is not retried
        assertFailsOnLostRows(0, "lost rows 0 to 16384");
    }

    private static void assertFailsOnLostRows(int missingBlock, String message) throws Exception {
        long lost = db.single("INSERT INTO datasets (tenant_id, name, version, status, schema, row_count, label_stats, "
                + "size_bytes, checksum) SELECT tenant_id, 'lost-" + missingBlock + "', 1, status, schema, row_count, "
                + "label_stats, size_bytes, checksum FROM datasets WHERE id = " + dataset + " RETURNING id");
        db.execute("INSERT INTO dataset_blocks SELECT tenant_id, " + lost + ", block_no, first_row, row_count, data "
                + "FROM dataset_blocks WHERE dataset_id = " + dataset + " AND block_no <> " + missingBlock);
        long jobId = db.scoringJob(tenant, lost, version);
        JobQueue queue = new JobQueue(db.dataSource(), JobKind.SCORING);
        ClaimedJob job = queue.claim("scorer-lost-" + missingBlock, LEASE).orElseThrow();

        JobFailure failure = assertThrows(JobFailure.class, () -> new ScoringRun(db.dataSource(), queue, LEASE, new ShutdownSignal()).run(job));

        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().contains(message), failure.getMessage());
        assertEquals(0, db.single("SELECT count(*) FROM scoring_results WHERE job_id = " + jobId));
    }

    @Test
    void shouldStopWithoutResultsWhenCancellationIsRequested() throws Exception {
        // the flag is read at the first chunk's heartbeat; the second chunk then stops
        assertStopsWithoutResults("UPDATE scoring_jobs SET cancel_requested = TRUE WHERE id = ",
                CancellationException.class);
    }

    @Test
    void shouldStopWithoutResultsWhenAnotherWorkerTookTheJobOver() throws Exception {
        // the first chunk's heartbeat, sent while the next chunk is scored, finds the lease gone
        long jobId = assertStopsWithoutResults("UPDATE scoring_jobs SET lease_owner = 'another-worker' WHERE id = ",
                LeaseLost.class);
        assertEquals("another-worker", db.text("SELECT lease_owner FROM scoring_jobs WHERE id = " + jobId));
    }

    /** Claims a new job, runs {@code sqlForJob} + its id, and expects the run to throw {@code stop}; its job id. */
    private static long assertStopsWithoutResults(String sqlForJob, Class<? extends Exception> stop) throws Exception {
        long jobId = db.scoringJob(tenant, dataset, version);
        JobQueue queue = new JobQueue(db.dataSource(), JobKind.SCORING);
        ClaimedJob job = queue.claim("scorer-" + jobId, LEASE).orElseThrow();
        db.execute(sqlForJob + jobId);
        assertThrows(stop, () -> new ScoringRun(db.dataSource(), queue, LEASE, new ShutdownSignal()).run(job));
        assertEquals(0, db.single("SELECT count(*) FROM scoring_results WHERE job_id = " + jobId));
        return jobId;
    }

    private static List<ScoredCustomer> results(long jobId, int buckets) throws Exception {
        List<ScoredCustomer> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT data FROM scoring_results WHERE job_id = " + jobId + " ORDER BY chunk_no")) {
            while (rs.next()) {
                out.addAll(PredictionBlocks.decode(rs.getBytes(1), buckets));
            }
        }
        return out;
    }

    private static byte[] artifact() throws Exception {
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT artifact FROM model_versions WHERE id = " + version)) {
            rs.next();
            return rs.getBytes(1);
        }
    }
}

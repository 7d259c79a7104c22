package io.ltvcascade.worker.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltvcascade.embeddeddb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The queue against a real PostgreSQL: exclusive claims under concurrency, lease expiry, bounded attempts. */
class JobQueueTest {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private static TestDatabase database;
    private static PGSimpleDataSource dataSource;
    private JobQueue queue;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.create();
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        if (database.username() != null) {
            dataSource.setUser(database.username());
            dataSource.setPassword(database.password());
        }
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void emptyQueue() throws SQLException {
        sql("DELETE FROM training_jobs");
        queue = new JobQueue(dataSource, JobKind.TRAINING);
    }

    @Test
    void shouldHandEachJobToExactlyOneOfSeveralConcurrentClaimers() throws Exception {
        List<Long> jobs = enqueue(40, 3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<Long>>> claims = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String worker = "worker-" + w;
            claims.add(pool.submit((Callable<List<Long>>) () -> {
                List<Long> mine = new ArrayList<>();
                for (Optional<ClaimedJob> job = queue.claim(worker, LEASE); job.isPresent(); job = queue.claim(worker, LEASE)) {
                    mine.add(job.get().id());
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : claims) {
            all.addAll(f.get());
        }
        pool.shutdown();
        assertEquals(40, all.size(), "every job claimed once");
        assertEquals(new HashSet<>(jobs), new HashSet<>(all));
        assertEquals(40, count("SELECT count(*) FROM training_jobs WHERE status = 'RUNNING' AND attempts = 1"));
    }

    @Test
    void shouldLetAnotherWorkerReclaimAJobWhoseLeaseExpired() throws SQLException {
        long id = enqueue(1, 3).get(0);
        ClaimedJob first = queue.claim("dead-worker", Duration.ZERO).orElseThrow();
        ClaimedJob second = queue.claim("live-worker", LEASE).orElseThrow();
        assertEquals(id, second.id());
        assertEquals(2, second.attempt());
        assertFalse(queue.heartbeat(id, first.worker(), LEASE, null).stillOwner(), "the dead worker lost the job");
        assertEquals(JobOutcome.NOT_OWNER, queue.fail(id, first.worker(), "late", true, Duration.ZERO));
        assertTrue(queue.claim("third", LEASE).isEmpty(), "a live lease is not claimable");
    }

    @Test
    void shouldFailAJobForGoodOnceItsAttemptsAreSpent() throws SQLException {
        long id = enqueue(1, 2).get(0);
        queue.claim("w1", Duration.ZERO).orElseThrow();
        queue.claim("w2", Duration.ZERO).orElseThrow();
        assertTrue(queue.claim("w3", LEASE).isEmpty());
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT status, error FROM training_jobs WHERE id = " + id)) {
            rs.next();
            assertEquals("FAILED", rs.getString(1));
            assertTrue(rs.getString(2).contains("stopped heartbeating"), rs.getString(2));
        }
    }

    @Test
    void shouldStoreProgressAndReportCancellationOnHeartbeat() throws SQLException {
        long id = enqueue(1, 3).get(0);
        ClaimedJob job = queue.claim("w", LEASE).orElseThrow();
        Heartbeat beat = queue.heartbeat(id, job.worker(), LEASE, "{\"epoch\": 3}");
        assertTrue(beat.stillOwner());
        assertFalse(beat.cancelRequested());
        assertEquals(3, count("SELECT (progress->>'epoch')::int FROM training_jobs WHERE id = " + id));
        sql("UPDATE training_jobs SET cancel_requested = TRUE WHERE id = " + id);
        assertTrue(queue.heartbeat(id, job.worker(), LEASE, null).cancelRequested());
        assertTrue(queue.cancelled(id, job.worker()));
        assertEquals(1, count("SELECT count(*) FROM training_jobs WHERE status = 'CANCELLED' AND id = " + id));
    }

    @Test
    void shouldQueueAJobAgainAtOnceWithoutCountingTheAttemptWhenItsWorkerStops() throws SQLException {
        long id = enqueue(1, 1).get(0);
        ClaimedJob job = queue.claim("stopping", LEASE).orElseThrow();
        queue.heartbeat(id, job.worker(), LEASE, "{\"epoch\": 3}");
        assertFalse(queue.release(id, "another"), "only the owner hands a job back");
        assertTrue(queue.release(id, job.worker()));
        assertEquals(1, count("SELECT count(*) FROM training_jobs WHERE status = 'QUEUED' AND attempts = 0 "
                + "AND progress IS NULL AND lease_owner IS NULL AND id = " + id));
        ClaimedJob again = queue.claim("next", LEASE).orElseThrow(); // at once, not after the lease
        assertEquals(1, again.attempt(), "the handed-back attempt does not count: a one-attempt job still runs");

        sql("UPDATE training_jobs SET cancel_requested = TRUE WHERE id = " + id);
        assertTrue(queue.release(id, "next"));
        assertEquals(1, count("SELECT count(*) FROM training_jobs WHERE status = 'CANCELLED' AND finished_at IS NOT NULL "
                + "AND id = " + id), "a job cancelled meanwhile is cancelled, not queued again");
    }

    @Test
    void shouldRetryWithBackoffThenFailWhenAttemptsRunOut() throws SQLException {
        long id = enqueue(1, 2).get(0);
        queue.claim("w", LEASE).orElseThrow();
        assertEquals(JobOutcome.RETRY_SCHEDULED, queue.fail(id, "w", "out of memory", true, Duration.ofHours(1)));
        assertTrue(queue.claim("w", LEASE).isEmpty(), "the retry waits for its backoff");
        sql("UPDATE training_jobs SET run_after = now() WHERE id = " + id);
        ClaimedJob again = queue.claim("w", LEASE).orElseThrow();
        assertEquals(2, again.attempt());
        assertEquals(JobOutcome.FAILED, queue.fail(id, "w", "out of memory", true, Duration.ZERO));
        assertEquals(1, count("SELECT count(*) FROM training_jobs WHERE status = 'FAILED' AND error = 'out of memory'"));
    }

    @Test
    void shouldNotRetryAFailureThatIsNotRetryable() throws SQLException {
        long id = enqueue(1, 3).get(0);
        queue.claim("w", LEASE).orElseThrow();
        assertEquals(JobOutcome.FAILED, queue.fail(id, "w", "dataset deleted", false, Duration.ZERO));
        assertTrue(queue.claim("w", LEASE).isEmpty());
    }

    private List<Long> enqueue(int jobs, int maxAttempts) throws SQLException {
        sql("INSERT INTO tenants (name, display_name) VALUES ('queue-test', 'q') ON CONFLICT DO NOTHING");
        long tenant = count("SELECT id FROM tenants WHERE name = 'queue-test'");
        sql("INSERT INTO models (tenant_id, name, model_type, config) VALUES (" + tenant + ", 'm', 'ccor', '{}') "
                + "ON CONFLICT DO NOTHING");
        sql("INSERT INTO datasets (tenant_id, name, version, status, schema, row_count, label_stats, size_bytes, checksum) "
                + "SELECT " + tenant + ", 'd', 1, 'READY', '{}', 0, '{}', 0, 'x' WHERE NOT EXISTS "
                + "(SELECT 1 FROM datasets WHERE tenant_id = " + tenant + ")");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            ids.add(count("INSERT INTO training_jobs (tenant_id, model_id, dataset_id, status, config, max_attempts) "
                    + "SELECT " + tenant + ", m.id, d.id, 'QUEUED', '{}', " + maxAttempts + " FROM models m, datasets d "
                    + "WHERE m.tenant_id = " + tenant + " AND d.tenant_id = " + tenant + " RETURNING id"));
        }
        return Collections.unmodifiableList(ids);
    }

    private static long count(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}

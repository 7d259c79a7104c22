package io.ltvcascade.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.agroal.api.AgroalDataSource;
import io.ltvcascade.embeddeddb.PostgresTestResource;
import io.ltvcascade.scheduler.Fixtures.Fire;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * One scheduler node on a real PostgreSQL (Quartz's clustered JDBC store), fed through the retrain_schedules table
 * as the api writes it. Several nodes and restarts are covered by e2e-tests/SchedulerClusterIT.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ScheduleFiringTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Scheduler quartz;

    @Inject
    RetrainingFires fires;

    private Fixtures db;

    @BeforeEach
    void setUp() {
        db = new Fixtures(dataSource);
    }

    @AfterEach
    void removeSchedules() throws SQLException {
        db.execute("DELETE FROM retrain_schedules");
    }

    @Test
    void shouldQueueExactlyOneJobPerFire() throws Exception {
        long tenant = db.tenant();
        long dataset = db.dataset(tenant, "sales", "c1");
        long schedule = db.schedule(tenant, db.model(tenant), "*/2 * * * * ?", "sales", true);

        await(() -> db.jobs(schedule).size() >= 3, "three fires");
        db.update(schedule, "enabled = false");

        List<Fire> jobs = db.jobs(schedule);
        List<Fire> fires = db.fires(schedule);
        assertEquals(jobs.size(), fires.size());
        assertEquals(jobs.size(), new HashSet<>(jobs.stream().map(Fire::fireTime).toList()).size(), "one job per fire time");
        for (int i = 0; i < jobs.size(); i++) {
            assertEquals(0, jobs.get(i).fireTime().toEpochMilli() % 2000, "fire times on the cron's grid");
            assertEquals("QUEUED", jobs.get(i).outcome());
            assertEquals(dataset, jobs.get(i).datasetId());
            assertEquals("ENQUEUED", fires.get(i).outcome());
            assertEquals(jobs.get(i).jobId(), fires.get(i).jobId());
            if (i > 0) {
                assertEquals(2000, jobs.get(i).fireTime().toEpochMilli() - jobs.get(i - 1).fireTime().toEpochMilli(),
                        "no fire missed or doubled");
            }
        }
        assertEquals(jobs.size(), db.count("SELECT count(*) FROM training_jobs WHERE schedule_id = ? AND tenant_id = ? "
                + "AND config = CAST(? AS jsonb) AND max_attempts = 3", schedule, tenant, Fixtures.JOB_CONFIG));
    }

    @Test
    void shouldQueueOneJobWhenTwoNodesHandleTheSameFireAtOnce() throws Exception {
        long tenant = db.tenant();
        db.dataset(tenant, "sales", "c1");
        long schedule = db.schedule(tenant, db.model(tenant), "0 0 0 1 1 ? 2099", "sales", true);
        Instant fireTime = Instant.parse("2026-11-28T03:00:00Z");

        List<FireRecord> outcomes = new ArrayList<>();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (Future<FireRecord> f : nodes.invokeAll(List.<Callable<FireRecord>>of(
                    () -> fires.fire(tenant, schedule, fireTime), () -> fires.fire(tenant, schedule, fireTime)))) {
                outcomes.add(f.get());
            }
        } finally {
            nodes.shutdown();
        }

        assertEquals(1, outcomes.stream().filter(o -> o.outcome() == FireRecord.Outcome.ENQUEUED).count(), outcomes.toString());
        assertEquals(1, outcomes.stream().filter(o -> o.outcome() == FireRecord.Outcome.DUPLICATE).count(), outcomes.toString());
        assertEquals(1, db.jobs(schedule).size());
        assertEquals(1, db.fires(schedule).size());
    }

    @Test
    void shouldStopWhenPausedStartWhenResumedAndStopForGoodWhenDeleted() throws Exception {
        long tenant = db.tenant();
        db.dataset(tenant, "sales", "c1");
        long schedule = db.schedule(tenant, db.model(tenant), "* * * * * ?", "sales", true);
        await(() -> db.jobs(schedule).size() >= 2, "two fires");

        db.update(schedule, "enabled = false");
        int paused = db.jobs(schedule).size();
        await(() -> !hasTrigger(schedule), "the trigger to go");
        Thread.sleep(1500);
        assertEquals(paused, db.jobs(schedule).size(), "no fire while paused");

        db.update(schedule, "enabled = true");
        await(() -> db.jobs(schedule).size() > paused, "a fire after resuming");

        db.execute("DELETE FROM retrain_schedules WHERE id = ?", schedule);
        int deleted = db.jobs(schedule).size();
        await(() -> !hasTrigger(schedule), "the trigger to go");
        Thread.sleep(1500);
        assertEquals(deleted, db.jobs(schedule).size(), "no fire after deleting; the jobs it queued stay");
    }

    @Test
    void shouldFollowACronChangeWithoutRestart() throws Exception {
        long tenant = db.tenant();
        db.dataset(tenant, "sales", "c1");
        long schedule = db.schedule(tenant, db.model(tenant), "0 0 0 1 1 ? 2099", "sales", true);
        await(() -> hasTrigger(schedule), "the trigger");
        assertEquals(0, db.jobs(schedule).size());

        db.update(schedule, "cron = '* * * * * ?'");

        await(() -> db.jobs(schedule).size() >= 1, "a fire on the new cron");
    }

    @Test
    void shouldSkipFiresOnUnchangedDataUnlessForced() throws Exception {
        long tenant = db.tenant();
        db.dataset(tenant, "sales", "content-a");
        long schedule = db.schedule(tenant, db.model(tenant), "* * * * * ?", "sales", false);
        await(() -> db.jobs(schedule).size() == 1, "the first run");
        long first = db.jobs(schedule).get(0).jobId();
        await(() -> lastFire(schedule).detail().contains("still queued"), "a skip while the first run waits");

        db.execute("UPDATE training_jobs SET status = 'SUCCEEDED', finished_at = now() WHERE id = ?", first);
        await(() -> lastFire(schedule).detail().contains("the last successful run (job " + first + ")"), "a skip after it");

        Instant sameContent = Instant.now();
        db.dataset(tenant, "sales", "content-a");
        await(() -> lastFire(schedule).fireTime().isAfter(sameContent.plusSeconds(1)), "a fire after a re-upload");
        assertEquals("SKIPPED", lastFire(schedule).outcome(), "a new version with the same content is unchanged data");
        assertEquals(1, db.jobs(schedule).size());

        long changed = db.dataset(tenant, "sales", "content-b");
        await(() -> db.jobs(schedule).size() == 2, "a run on the changed data");
        assertEquals(changed, db.jobs(schedule).get(1).datasetId());

        db.update(schedule, "force_retrain = true");
        await(() -> db.jobs(schedule).size() >= 4, "forced runs on unchanged data");
        assertTrue(db.fires(schedule).stream().filter(f -> f.outcome().equals("SKIPPED")).count() >= 3);
    }

    @Test
    void shouldTrainOnlyOnTheTenantsOwnDataset() throws Exception {
        long a = db.tenant();
        long b = db.tenant();
        long ownSales = db.dataset(a, "sales", "a-content");
        db.dataset(b, "sales", "b-content");
        db.dataset(b, "only-b", "b-content");
        long model = db.model(a);
        long onSales = db.schedule(a, model, "* * * * * ?", "sales", true);
        long onOtherTenantsName = db.schedule(a, model, "* * * * * ?", "only-b", true);

        await(() -> db.jobs(onSales).size() >= 2 && db.fires(onOtherTenantsName).size() >= 2, "fires of both");

        assertTrue(db.jobs(onSales).stream().allMatch(j -> j.datasetId() == ownSales));
        assertEquals(0, db.count("SELECT count(*) FROM training_jobs WHERE tenant_id = ?", b));
        Fire failed = db.fires(onOtherTenantsName).get(0);
        assertEquals("FAILED", failed.outcome());
        assertTrue(failed.detail().contains("no ready dataset named 'only-b'"), failed.detail());
        assertTrue(db.jobs(onOtherTenantsName).isEmpty());
    }

    @Test
    void shouldSkipFiresOfASuspendedTenant() throws Exception {
        long tenant = db.tenant();
        db.dataset(tenant, "sales", "c1");
        long schedule = db.schedule(tenant, db.model(tenant), "* * * * * ?", "sales", true);
        db.execute("UPDATE tenants SET status = 'SUSPENDED', suspended_at = now() WHERE id = ?", tenant);

        await(() -> db.fires(schedule).size() >= 1, "a fire");

        assertEquals("SKIPPED", db.fires(schedule).get(0).outcome());
        assertTrue(db.jobs(schedule).isEmpty());
    }

    private Fire lastFire(long schedule) throws SQLException {
        List<Fire> fires = db.fires(schedule);
        return fires.isEmpty() ? new Fire(Instant.EPOCH, "", null, null, "") : fires.get(fires.size() - 1);
    }

    private boolean hasTrigger(long schedule) throws Exception {
        return quartz.getJobKeys(GroupMatcher.jobGroupEquals(ScheduleTriggers.GROUP))
                .contains(JobKey.jobKey("schedule-" + schedule, ScheduleTriggers.GROUP));
    }

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(100);
        }
        fail("timed out waiting for " + what);
    }
}

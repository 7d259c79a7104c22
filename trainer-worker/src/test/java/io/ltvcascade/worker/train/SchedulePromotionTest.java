package io.ltvcascade.worker.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.worker.queue.ClaimedJob;
import io.ltvcascade.worker.queue.JobKind;
import io.ltvcascade.worker.queue.JobQueue;
import io.ltvcascade.worker.queue.ShutdownSignal;
import io.ltvcascade.worker.support.WorkerDatabase;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Versions trained for a retraining schedule's fires, for real: the policy promotes a better version over the
 * champion and keeps a clearly worse one (a learning rate too small to learn anything) as challenger, with the
 * numbers compared recorded in the schedule's history.
 */
class SchedulePromotionTest {

    private static final String SPLIT = "\"split\": {\"train_share\": 0.6, \"validation_share\": 0.2}, \"seed\": 5}";
    private static final String GOOD = "{\"model\": {\"model_type\": \"ccor\", \"encoder_widths\": [16], "
            + "\"training\": {\"epochs\": 3, \"batch_size\": 256}}, " + SPLIT;
    private static final String WORSE = "{\"model\": {\"model_type\": \"ccor\", \"encoder_widths\": [16], "
            + "\"training\": {\"epochs\": 1, \"batch_size\": 256, \"learning_rate\": 1e-9}}, " + SPLIT;
    private static final Duration LEASE = Duration.ofMinutes(5);

    private static WorkerDatabase db;
    private static long tenant;
    private static long dataset;
    private static long model;

    @BeforeAll
    static void setUp() throws Exception {
        db = new WorkerDatabase();
        long[] ids = db.dataset("promotion-test", SyntheticData.generate(3000, 8));
        tenant = ids[0];
        dataset = ids[1];
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void shouldPromoteABetterVersionAndKeepAWorseOneAsChallenger() throws Exception {
        model = newModel();
        long schedule = schedule("{\"mode\": \"never\"}");
        runFire(schedule, 1, WORSE);
        assertEquals("KEPT", decision(1));
        assertEquals(0, db.single("SELECT count(*) FROM model_aliases WHERE model_id = " + model), "never touches aliases");
        db.execute("INSERT INTO model_aliases (tenant_id, model_id, alias, version_id) SELECT tenant_id, model_id, "
                + "'champion', id FROM model_versions WHERE model_id = " + model + " AND version = 1");
        db.execute("UPDATE retrain_schedules SET promotion_policy = '{\"mode\": \"beats_champion\", "
                + "\"metric\": \"normalized_gini\", \"margin\": 0.05}' WHERE id = " + schedule);

        runFire(schedule, 2, GOOD);
        assertEquals("PROMOTED", decision(2), reason(2));
        assertTrue(reason(2).contains("normalized_gini") && reason(2).contains("champion (v1)"), reason(2));
        assertEquals(2, aliasVersion("champion"));
        assertEquals(1, db.single("SELECT count(*) FROM audit_log WHERE tenant_id = " + tenant
                + " AND action = 'model.alias.set' AND detail->>'alias' = 'champion' AND detail->>'by' = 'schedule " + schedule + "'"));

        runFire(schedule, 3, WORSE);
        assertEquals("CHALLENGER", decision(3), reason(3));
        assertTrue(reason(3).contains("not better"), reason(3));
        assertEquals(2, aliasVersion("champion"), "the champion stays");
        assertEquals(3, aliasVersion("challenger"));
        assertEquals(3, db.single("SELECT count(*) FROM schedule_fires WHERE schedule_id = " + schedule
                + " AND version_id IS NOT NULL AND decided_at IS NOT NULL"));
    }

    @Test
    void shouldLeaveJobsWithoutAScheduleAlone() throws Exception {
        model = newModel();
        long job = db.single("INSERT INTO training_jobs (tenant_id, model_id, dataset_id, status, config) VALUES ("
                + tenant + ", " + model + ", " + dataset + ", 'QUEUED', '" + GOOD + "') RETURNING id");
        run(job);

        assertEquals(0, db.single("SELECT count(*) FROM model_aliases WHERE model_id = " + model));
    }

    private static long newModel() throws SQLException {
        return db.single("INSERT INTO models (tenant_id, name, model_type, config) VALUES (" + tenant + ", 'm"
                + System.nanoTime() + "', 'ccor', '{}') RETURNING id");
    }

    private static long schedule(String policy) throws SQLException {
        return db.single("INSERT INTO retrain_schedules (tenant_id, model_id, cron, time_zone, dataset_name, "
                + "promotion_policy, job_config) VALUES (" + tenant + ", " + model + ", '0 0 3 * * ?', 'UTC', 'd', '"
                + policy + "', '{}') RETURNING id");
    }

    /** What the scheduler writes for a fire (a job and its history row), then a worker's run of the job. */
    private static void runFire(long schedule, int day, String config) throws Exception {
        String fireTime = "'2026-11-" + (10 + day) + "T03:00:00Z'";
        long job = db.single("INSERT INTO training_jobs (tenant_id, model_id, dataset_id, status, config, schedule_id, "
                + "fire_time) VALUES (" + tenant + ", " + model + ", " + dataset + ", 'QUEUED', '" + config + "', "
                + schedule + ", " + fireTime + ") RETURNING id");
        db.execute("INSERT INTO schedule_fires (tenant_id, schedule_id, fire_time, outcome, detail, dataset_id, job_id) "
                + "VALUES (" + tenant + ", " + schedule + ", " + fireTime + ", 'ENQUEUED', 'test', " + dataset + ", " + job + ")");
        run(job);
    }

    private static void run(long jobId) throws Exception {
        JobQueue queue = new JobQueue(db.dataSource(), JobKind.TRAINING);
        ClaimedJob job = queue.claim("promoter", LEASE).orElseThrow();
        assertEquals(jobId, job.id());
        new TrainingRun(db.dataSource(), queue, LEASE, new ShutdownSignal()).run(job);
    }

    private static String decision(int version) throws SQLException {
        return db.text("SELECT f.decision FROM schedule_fires f JOIN model_versions v ON v.id = f.version_id "
                + "WHERE v.model_id = " + model + " AND v.version = " + version);
    }

    private static String reason(int version) throws SQLException {
        return db.text("SELECT f.decision_reason FROM schedule_fires f JOIN model_versions v ON v.id = f.version_id "
                + "WHERE v.model_id = " + model + " AND v.version = " + version);
    }

    private static long aliasVersion(String alias) throws SQLException {
        return db.single("SELECT v.version FROM model_aliases a JOIN model_versions v ON v.id = a.version_id "
                + "WHERE a.model_id = " + model + " AND a.alias = '" + alias + "'");
    }
}

package io.ltvcascade.scheduler;

import io.agroal.api.AgroalDataSource;
import io.ltvcascade.scheduler.FireRecord.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One fire of a schedule, in one transaction: resolve the dataset (the fixed version, or the latest at fire time),
 * apply the skip rule, queue the training job and record the fire. Unique keys on (schedule, fire time) in both
 * training_jobs and schedule_fires make a second handling of the same fire write nothing.
 */
@ApplicationScoped
public class RetrainingFires {

    private final AgroalDataSource dataSource;
    private final int maxAttempts;

    /** {@code maxAttempts}: the api's setting for every training job, so a fire's job gets as many as any other. */
    public RetrainingFires(AgroalDataSource dataSource,
            @ConfigProperty(name = "ltv.jobs.max-attempts", defaultValue = "3") int maxAttempts) {
        this.dataSource = dataSource;
        this.maxAttempts = maxAttempts;
    }

    @Transactional
    public FireRecord fire(long tenantId, long scheduleId, Instant fireTime) {
        try (Connection c = dataSource.getConnection()) {
            Optional<FireSchedule> schedule = FireSchedule.load(c, tenantId, scheduleId);
            if (schedule.isEmpty()) {
                return new FireRecord(Outcome.GONE, null, null,
                        "the schedule is gone or paused; its trigger goes at the next sync");
            }
            FireRecord decided = decide(c, schedule.get());
            if (decided.outcome() == Outcome.ENQUEUED) {
                Optional<Long> job = insertJob(c, schedule.get(), decided.datasetId(), fireTime);
                if (job.isEmpty()) {
                    return new FireRecord(Outcome.DUPLICATE, null, decided.datasetId(), "this fire time was already handled");
                }
                decided = new FireRecord(Outcome.ENQUEUED, job.get(), decided.datasetId(), decided.detail());
            }
            return record(c, schedule.get(), fireTime, decided) ? decided : new FireRecord(Outcome.DUPLICATE, null,
                    decided.datasetId(), "this fire time was already handled");
        } catch (SQLException e) {
            throw new IllegalStateException("database error while firing schedule " + scheduleId + ": " + e.getMessage(), e);
        }
    }

    private FireRecord decide(Connection c, FireSchedule s) throws SQLException {
        if (!s.tenantActive()) {
            return new FireRecord(Outcome.SKIPPED, null, null, "the tenant is suspended");
        }
        Optional<FireDataset> found = FireDataset.resolve(c, s.tenantId(), s.datasetName(), s.datasetVersion());
        if (found.isEmpty()) {
            return new FireRecord(Outcome.FAILED, null, null, s.datasetVersion() == null
                    ? "the tenant has no ready dataset named '" + s.datasetName() + "' (never uploaded, or deleted)"
                    : "dataset '" + s.datasetName() + "' version " + s.datasetVersion() + " does not exist any more");
        }
        FireDataset dataset = found.get();
        if (!s.forceRetrain()) {
            Optional<String> unchanged = SkipRule.reason(c, s.tenantId(), s.id(), dataset);
            if (unchanged.isPresent()) {
                return new FireRecord(Outcome.SKIPPED, null, dataset.id(), unchanged.get());
            }
        }
        return new FireRecord(Outcome.ENQUEUED, null, dataset.id(), "training on dataset '" + dataset.name() + "' version "
                + dataset.version() + (s.forceRetrain() ? " (forced)" : ""));
    }

    private Optional<Long> insertJob(Connection c, FireSchedule s, long datasetId, Instant fireTime) throws SQLException {
        String sql = "INSERT INTO training_jobs (tenant_id, model_id, dataset_id, status, config, max_attempts, "
                + "schedule_id, fire_time) VALUES (?, ?, ?, 'QUEUED', CAST(? AS jsonb), ?, ?, ?) "
                + "ON CONFLICT (tenant_id, schedule_id, fire_time) WHERE schedule_id IS NOT NULL DO NOTHING RETURNING id";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, s.tenantId());
            p.setLong(2, s.modelId());
            p.setLong(3, datasetId);
            p.setString(4, s.jobConfig());
            p.setInt(5, maxAttempts);
            p.setLong(6, s.id());
            p.setTimestamp(7, Timestamp.from(fireTime));
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static boolean record(Connection c, FireSchedule s, Instant fireTime, FireRecord fire) throws SQLException {
        String sql = "INSERT INTO schedule_fires (tenant_id, schedule_id, fire_time, outcome, detail, dataset_id, job_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, schedule_id, fire_time) DO NOTHING";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, s.tenantId());
            p.setLong(2, s.id());
            p.setTimestamp(3, Timestamp.from(fireTime));
            p.setString(4, fire.outcome().name());
            p.setString(5, fire.detail());
            p.setObject(6, fire.datasetId());
            p.setObject(7, fire.jobId());
            return p.executeUpdate() == 1;
        }
    }
}

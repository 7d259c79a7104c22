package io.ltvcascade.worker.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A job table (training_jobs or scoring_jobs, which share the queue columns) as a queue, in db-scheduler's
 * manner: one short statement claims a job with
 * {@code FOR UPDATE SKIP LOCKED} and a lease; owners extend the lease by heartbeats; a job whose lease expired is
 * claimable again until its attempts are spent, then it fails with the reason. Every write checks the owner, so a
 * worker that lost its lease cannot overwrite the job.
 */
public final class JobQueue {

    private static final String CLAIMABLE = "((status = 'QUEUED' AND run_after <= now()) "
            + "OR (status = 'RUNNING' AND lease_expires_at < now() AND attempts < max_attempts)) AND NOT cancel_requested";

    /** The error of a job cancelled while it ran, whether its worker stopped it or handed it back. */
    private static final String CANCELLED_WHILE_RUNNING = "cancelled on request while running";

    private final DataSource dataSource;
    private final JobKind kind;
    private final String table;

    public JobQueue(DataSource dataSource, JobKind kind) {
        this.dataSource = dataSource;
        this.kind = kind;
        this.table = kind.table();
    }

    public JobKind kind() {
        return kind;
    }

    /** Claims the most urgent claimable job for {@code worker}, or nothing when none waits. */
    public Optional<ClaimedJob> claim(String worker, Duration lease) throws SQLException {
        reapDeadLeases();
        String sql = "UPDATE " + table + " j SET status = 'RUNNING', attempts = j.attempts + 1, lease_owner = ?, "
                + "lease_expires_at = now() + make_interval(secs => ?), heartbeat_at = now(), "
                + "started_at = COALESCE(j.started_at, now()) "
                + "WHERE j.id = (SELECT id FROM " + table + " WHERE " + CLAIMABLE
                + " ORDER BY priority DESC, id LIMIT 1 FOR UPDATE SKIP LOCKED) "
                + "RETURNING j.tenant_id, j.id, j.model_id, j.dataset_id, j.attempts, j.max_attempts, j.config, "
                + "j.lease_expires_at";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, worker);
            s.setDouble(2, lease.toMillis() / 1000.0);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ClaimedJob(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getInt(5), rs.getInt(6), rs.getString(7), worker, rs.getTimestamp(8).toInstant()));
            }
        }
    }

    /** Extends the lease and stores progress, if {@code worker} still owns the job. */
    public Heartbeat heartbeat(long jobId, String worker, Duration lease, String progressJson) throws SQLException {
        String sql = "UPDATE " + table + " SET lease_expires_at = now() + make_interval(secs => ?), heartbeat_at = now(), "
                + "progress = COALESCE(CAST(? AS jsonb), progress) "
                + "WHERE id = ? AND status = 'RUNNING' AND lease_owner = ? RETURNING cancel_requested";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setDouble(1, lease.toMillis() / 1000.0);
            s.setString(2, progressJson);
            s.setLong(3, jobId);
            s.setString(4, worker);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Heartbeat(true, rs.getBoolean(1)) : new Heartbeat(false, false);
            }
        }
    }

    /** Marks the job done; false when {@code worker} no longer owns it. Runs in the caller's transaction. */
    public boolean succeed(Connection c, long jobId, String worker) throws SQLException {
        return finish(c, jobId, worker, "SUCCEEDED", null);
    }

    public boolean cancelled(long jobId, String worker) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return finish(c, jobId, worker, "CANCELLED", CANCELLED_WHILE_RUNNING);
        }
    }

    /**
     * Hands a running job back when its worker stops: queued again at once, this attempt not counted and its progress
     * cleared (it runs again from the start, on whichever worker claims it first); a job whose cancellation was asked
     * for meanwhile is cancelled instead. False when {@code worker} no longer owns it.
     */
    public boolean release(long jobId, String worker) throws SQLException {
        String sql = "UPDATE " + table + " SET "
                + "status = CASE WHEN cancel_requested THEN 'CANCELLED' ELSE 'QUEUED' END, "
                + "attempts = CASE WHEN cancel_requested THEN attempts ELSE attempts - 1 END, "
                + "error = CASE WHEN cancel_requested THEN ? ELSE error END, "
                + "finished_at = CASE WHEN cancel_requested THEN clock_timestamp() END, "
                + "progress = CASE WHEN cancel_requested THEN progress END, "
                + "run_after = now(), lease_owner = NULL, lease_expires_at = NULL "
                + "WHERE id = ? AND status = 'RUNNING' AND lease_owner = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, CANCELLED_WHILE_RUNNING);
            s.setLong(2, jobId);
            s.setString(3, worker);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Records a failure: a retryable one re-queues the job after an exponential backoff (base × 2^(attempt−1))
     * while attempts remain; otherwise the job fails for good with the reason.
     */
    public JobOutcome fail(long jobId, String worker, String reason, boolean retryable, Duration backoffBase)
            throws SQLException {
        String sql = "UPDATE " + table + " SET "
                + "status = CASE WHEN ? AND attempts < max_attempts THEN 'QUEUED' ELSE 'FAILED' END, "
                + "run_after = now() + make_interval(secs => ? * power(2, attempts - 1)), error = ?, "
                + "lease_owner = NULL, lease_expires_at = NULL, "
                + "finished_at = CASE WHEN ? AND attempts < max_attempts THEN NULL ELSE now() END "
                + "WHERE id = ? AND status = 'RUNNING' AND lease_owner = ? RETURNING status";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setBoolean(1, retryable);
            s.setDouble(2, backoffBase.toMillis() / 1000.0);
            s.setString(3, reason);
            s.setBoolean(4, retryable);
            s.setLong(5, jobId);
            s.setString(6, worker);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return JobOutcome.NOT_OWNER;
                }
                return rs.getString(1).equals("QUEUED") ? JobOutcome.RETRY_SCHEDULED : JobOutcome.FAILED;
            }
        }
    }

    /** Jobs whose worker stopped heartbeating and that have no attempts left fail, saying why. */
    private void reapDeadLeases() throws SQLException {
        String sql = "UPDATE " + table + " SET "
                + "status = CASE WHEN cancel_requested THEN 'CANCELLED' ELSE 'FAILED' END, "
                + "error = CASE WHEN cancel_requested THEN 'cancelled; its worker had stopped' ELSE "
                + "'worker ' || lease_owner || ' stopped heartbeating (lease expired) on attempt ' || attempts "
                + "|| ' of ' || max_attempts || '; no attempts left' END, "
                + "finished_at = now(), lease_owner = NULL, lease_expires_at = NULL "
                + "WHERE status = 'RUNNING' AND lease_expires_at < now() AND (attempts >= max_attempts OR cancel_requested)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }

    private boolean finish(Connection c, long jobId, String worker, String status, String error)
            throws SQLException {
        // clock_timestamp, not now(): a job's results may be written in a transaction that began when it started
        String sql = "UPDATE " + table + " SET status = ?, error = ?, finished_at = clock_timestamp(), "
                + "lease_owner = NULL, lease_expires_at = NULL WHERE id = ? AND status = 'RUNNING' AND lease_owner = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, status);
            s.setString(2, error);
            s.setLong(3, jobId);
            s.setString(4, worker);
            return s.executeUpdate() == 1;
        }
    }
}

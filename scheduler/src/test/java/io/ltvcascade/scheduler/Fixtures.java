package io.ltvcascade.scheduler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Rows the scheduler reads, written with SQL as the api writes them: tenants, models, dataset versions and
 * schedules; and reads of what the scheduler wrote (jobs and fires).
 */
final class Fixtures {

    static final String JOB_CONFIG = "{\"model\": {\"model_type\": \"ccor\"}, \"split\": {\"train_share\": 0.6, \"validation_share\": 0.2}}";

    private final DataSource db;

    Fixtures(DataSource db) {
        this.db = db;
    }

    /** A job or a fire the scheduler wrote. */
    record Fire(Instant fireTime, String outcome, Long jobId, Long datasetId, String detail) {}

    long tenant() throws SQLException {
        String name = "t-" + UUID.randomUUID();
        return insert("INSERT INTO tenants (name, display_name) VALUES (?, ?) RETURNING id", name, name);
    }

    long model(long tenant) throws SQLException {
        return insert("INSERT INTO models (tenant_id, name, model_type, config) VALUES (?, ?, 'ccor', CAST(? AS jsonb)) "
                + "RETURNING id", tenant, "m-" + UUID.randomUUID(), "{\"model_type\": \"ccor\"}");
    }

    long dataset(long tenant, String name, String checksum) throws SQLException {
        return insert("INSERT INTO datasets (tenant_id, name, version, status, schema, row_count, label_stats, size_bytes, "
                + "checksum) SELECT ?, ?, COALESCE(max(version), 0) + 1, 'READY', '{}', 10, '{}', 100, ? FROM datasets "
                + "WHERE tenant_id = ? AND name = ? RETURNING id", tenant, name, checksum, tenant, name);
    }

    long schedule(long tenant, long model, String cron, String dataset, boolean force) throws SQLException {
        return insert("INSERT INTO retrain_schedules (tenant_id, model_id, cron, time_zone, dataset_name, promotion_policy, "
                + "force_retrain, job_config) VALUES (?, ?, ?, 'UTC', ?, '{\"mode\": \"never\"}', ?, CAST(? AS jsonb)) "
                + "RETURNING id", tenant, model, cron, dataset, force, JOB_CONFIG);
    }

    /** Changes a schedule the way the api does: the new values and a new updated_at. */
    void update(long schedule, String assignments) throws SQLException {
        execute("UPDATE retrain_schedules SET " + assignments + ", updated_at = clock_timestamp() WHERE id = ?", schedule);
    }

    void execute(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement p = prepare(c, sql, params)) {
            p.executeUpdate();
        }
    }

    List<Fire> jobs(long schedule) throws SQLException {
        return fires("SELECT fire_time, status, id, dataset_id, '' FROM training_jobs WHERE schedule_id = ? ORDER BY fire_time", schedule);
    }

    List<Fire> fires(long schedule) throws SQLException {
        return fires("SELECT fire_time, outcome, job_id, dataset_id, detail FROM schedule_fires WHERE schedule_id = ? "
                + "ORDER BY fire_time", schedule);
    }

    long count(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement p = prepare(c, sql, params); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Fire> fires(String sql, long schedule) throws SQLException {
        List<Fire> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement p = prepare(c, sql, schedule); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new Fire(rs.getTimestamp(1).toInstant(), rs.getString(2), (Long) rs.getObject(3),
                        (Long) rs.getObject(4), rs.getString(5)));
            }
        }
        return out;
    }

    private long insert(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement p = prepare(c, sql, params); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            p.setObject(i + 1, params[i] instanceof Instant t ? Timestamp.from(t) : params[i]);
        }
        return p;
    }
}

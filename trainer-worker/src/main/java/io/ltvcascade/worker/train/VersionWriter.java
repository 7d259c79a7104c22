package io.ltvcascade.worker.train;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Inserts an immutable model version (the next number of its model) inside the caller's transaction. */
final class VersionWriter {

    private VersionWriter() {}

    /** A written version: its row id and its number. */
    record Written(long id, int version) {}

    /** The new version; the unique (tenant, job) key refuses a second version for one job. */
    static Written insert(Connection c, long tenantId, long modelId, long datasetId, long jobId, String configJson,
            String reportJson, String historyJson, String lineageJson, byte[] artifact) throws SQLException {
        // versions of one model are numbered in order even when two jobs finish at once
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, (int) tenantId);
            lock.setInt(2, (int) modelId);
            lock.execute();
        }
        String sql = "INSERT INTO model_versions (tenant_id, model_id, version, dataset_id, job_id, config, "
                + "quality_report, history, lineage, artifact) SELECT ?, ?, COALESCE(MAX(version), 0) + 1, ?, ?, "
                + "CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), ? FROM model_versions "
                + "WHERE tenant_id = ? AND model_id = ? RETURNING id, version";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, tenantId);
            s.setLong(2, modelId);
            s.setLong(3, datasetId);
            s.setLong(4, jobId);
            s.setString(5, configJson);
            s.setString(6, reportJson);
            s.setString(7, historyJson);
            s.setString(8, lineageJson);
            s.setBytes(9, artifact);
            s.setLong(10, tenantId);
            s.setLong(11, modelId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Written(rs.getLong(1), rs.getInt(2));
            }
        }
    }
}

package io.ltvcascade.scheduler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Why a fire (not forced) is skipped, if it is: the dataset's content (its checksum, so a re-upload of the same file
 * counts as unchanged) equals that of the schedule's last successful run, or a run of this schedule on the same
 * content is still queued or running.
 */
final class SkipRule {

    private SkipRule() {}

    static Optional<String> reason(Connection c, long tenantId, long scheduleId, FireDataset dataset) throws SQLException {
        String sql = "SELECT j.id, j.status, j.fire_time FROM training_jobs j JOIN datasets d "
                + "ON d.tenant_id = j.tenant_id AND d.id = j.dataset_id WHERE j.tenant_id = ? AND j.schedule_id = ? "
                + "AND d.checksum = ? AND j.status IN ('SUCCEEDED', 'QUEUED', 'RUNNING') "
                + "AND (j.status <> 'SUCCEEDED' OR j.finished_at = (SELECT max(finished_at) FROM training_jobs "
                + "WHERE tenant_id = ? AND schedule_id = ? AND status = 'SUCCEEDED')) ORDER BY j.id DESC LIMIT 1";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, tenantId);
            p.setLong(2, scheduleId);
            p.setString(3, dataset.checksum());
            p.setLong(4, tenantId);
            p.setLong(5, scheduleId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String what = "SUCCEEDED".equals(rs.getString(2)) ? "the last successful run (job " + rs.getLong(1) + ")"
                        : "job " + rs.getLong(1) + ", still " + rs.getString(2).toLowerCase(java.util.Locale.ROOT);
                return Optional.of("dataset '" + dataset.name() + "' version " + dataset.version() + " holds the same data "
                        + "as " + what + "; set force_retrain to train anyway");
            }
        }
    }
}

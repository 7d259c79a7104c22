package io.ltvcascade.scheduler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** What a fire needs of its schedule, read (and locked against concurrent changes) inside the fire's transaction. */
record FireSchedule(long tenantId, long id, long modelId, String datasetName, Integer datasetVersion, String jobConfig,
        boolean forceRetrain, boolean tenantActive) {

    /** The enabled schedule, or empty when it was paused or deleted since its trigger was made. */
    static Optional<FireSchedule> load(Connection c, long tenantId, long id) throws SQLException {
        String sql = "SELECT s.model_id, s.dataset_name, s.dataset_version, s.job_config::text, s.force_retrain, "
                + "t.status = 'ACTIVE' FROM retrain_schedules s JOIN tenants t ON t.id = s.tenant_id "
                + "WHERE s.tenant_id = ? AND s.id = ? AND s.enabled FOR SHARE OF s";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, tenantId);
            p.setLong(2, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new FireSchedule(tenantId, id, rs.getLong(1), rs.getString(2),
                        (Integer) rs.getObject(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6)));
            }
        }
    }
}

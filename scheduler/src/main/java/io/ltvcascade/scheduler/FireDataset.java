package io.ltvcascade.scheduler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The dataset version a fire trains on, with the checksum of its content for the skip rule. */
record FireDataset(long id, String name, int version, String checksum) {

    /** Version {@code version} of the tenant's dataset {@code name}, or its latest when null; empty when none is ready. */
    static Optional<FireDataset> resolve(Connection c, long tenantId, String name, Integer version) throws SQLException {
        String sql = "SELECT id, version, checksum FROM datasets WHERE tenant_id = ? AND name = ? AND status = 'READY'"
                + (version == null ? "" : " AND version = ?") + " ORDER BY version DESC LIMIT 1";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, tenantId);
            p.setString(2, name);
            if (version != null) {
                p.setInt(3, version);
            }
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new FireDataset(rs.getLong(1), name, rs.getInt(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }
}

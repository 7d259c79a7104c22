package io.ltvcascade.scheduler;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads the enabled schedules of every tenant: the scheduler serves them all, one trigger each. */
@ApplicationScoped
public class ScheduleTable {

    private final AgroalDataSource dataSource;

    public ScheduleTable(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<ScheduleRow> enabled() throws SQLException {
        List<ScheduleRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tenant_id, id, cron, time_zone, updated_at::text "
                        + "FROM retrain_schedules WHERE enabled ORDER BY id")) {
            while (rs.next()) {
                rows.add(new ScheduleRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return rows;
    }
}

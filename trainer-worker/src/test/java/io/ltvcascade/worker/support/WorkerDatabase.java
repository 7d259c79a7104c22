package io.ltvcascade.worker.support;

import io.ltvcascade.embeddeddb.TestDatabase;
import io.ltvcascade.model.data.BlockCodec;
import io.ltvcascade.model.data.SchemaJson;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.ccor.ModelJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/** A migrated test database and the rows a worker needs: tenant, model, dataset with blocks, queued jobs. */
public final class WorkerDatabase implements AutoCloseable {

    private final TestDatabase database = TestDatabase.create();
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    public WorkerDatabase() {
        dataSource.setUrl(database.jdbcUrl());
        if (database.username() != null) {
            dataSource.setUser(database.username());
            dataSource.setPassword(database.password());
        }
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /** Null when the URL carries the credentials. */
    public String user() {
        return database.username();
    }

    /** Null when the URL carries the credentials. */
    public String password() {
        return database.password();
    }

    public PGSimpleDataSource dataSource() {
        return dataSource;
    }

    /** Stores {@code table} as a READY dataset of a new tenant, in one block; returns {tenant id, dataset id}. */
    public long[] dataset(String tenant, Table table) throws Exception {
        return dataset(tenant, table, Math.max(1, table.rows()));
    }

    /** As {@link #dataset(String, Table)}, stored in blocks of {@code blockRows} rows as an upload would store it. */
    public long[] dataset(String tenant, Table table, int blockRows) throws Exception {
        long tenantId = single("INSERT INTO tenants (name, display_name) VALUES ('" + tenant + "', 't') RETURNING id");
        String schema = ModelJson.MAPPER.writeValueAsString(SchemaJson.from(table.schema()));
        long datasetId = single("INSERT INTO datasets (tenant_id, name, version, status, schema, row_count, label_stats, "
                + "size_bytes, checksum) VALUES (" + tenantId + ", 'd', 1, 'READY', '" + schema + "', " + table.rows()
                + ", '{}', 0, 'x') RETURNING id");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO "
                + "dataset_blocks (tenant_id, dataset_id, block_no, first_row, row_count, data) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int from = 0, blockNo = 0; from < table.rows(); from += blockRows, blockNo++) {
                Table part = table.range(from, Math.min(table.rows(), from + blockRows));
                s.setLong(1, tenantId);
                s.setLong(2, datasetId);
                s.setInt(3, blockNo);
                s.setLong(4, from);
                s.setInt(5, part.rows());
                s.setBytes(6, BlockCodec.encode(part.asBlock()));
                s.executeUpdate();
            }
        }
        return new long[] {tenantId, datasetId};
    }

    /** A model and one queued job for it on the dataset; returns the job id. */
    public long job(long tenantId, long datasetId, String jobConfigJson) throws SQLException {
        long model = single("INSERT INTO models (tenant_id, name, model_type, config) VALUES (" + tenantId
                + ", 'm" + System.nanoTime() + "', 'ccor', '{}') RETURNING id");
        return single("INSERT INTO training_jobs (tenant_id, model_id, dataset_id, status, config) VALUES (" + tenantId
                + ", " + model + ", " + datasetId + ", 'QUEUED', '" + jobConfigJson + "') RETURNING id");
    }

    /** A queued scoring job for the dataset with the version {@code versionId}; returns the job id. */
    public long scoringJob(long tenantId, long datasetId, long versionId) throws SQLException {
        return single("INSERT INTO scoring_jobs (tenant_id, model_id, version_id, dataset_id, status) SELECT tenant_id, "
                + "model_id, id, " + datasetId + ", 'QUEUED' FROM model_versions WHERE tenant_id = " + tenantId
                + " AND id = " + versionId + " RETURNING id");
    }

    public long single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public String text(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}

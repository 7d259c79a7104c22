package io.ltvcascade.worker.train;

import io.ltvcascade.model.ccor.ModelJson;
import io.ltvcascade.model.data.BlockCodec;
import io.ltvcascade.model.data.ColumnBlock;
import io.ltvcascade.model.data.SchemaJson;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.data.TableSchema;
import io.ltvcascade.worker.queue.JobFailure;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Streams a dataset version's column blocks out of PostgreSQL into a table, block by block. */
public final class DatasetReader {

    private final DataSource dataSource;

    public DatasetReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The dataset's rows; a deleted, missing or corrupt dataset fails the job without retries. */
    public Table read(long tenantId, long datasetId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            TableSchema schema = schema(c, tenantId, datasetId);
            List<ColumnBlock> blocks = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT data FROM dataset_blocks WHERE tenant_id = ? "
                    + "AND dataset_id = ? ORDER BY block_no")) {
                s.setFetchSize(4);
                s.setLong(1, tenantId);
                s.setLong(2, datasetId);
                c.setAutoCommit(false);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        blocks.add(BlockCodec.decode(rs.getBytes(1), schema));
                    }
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (IllegalStateException e) {
                throw new JobFailure("dataset " + datasetId + " is corrupt: " + e.getMessage(), false, e);
            }
            return Table.fromBlocks(schema, blocks);
        }
    }

    private static TableSchema schema(Connection c, long tenantId, long datasetId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT schema, status FROM datasets WHERE tenant_id = ? AND id = ?")) {
            s.setLong(1, tenantId);
            s.setLong(2, datasetId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !"READY".equals(rs.getString(2))) {
                    throw new JobFailure("dataset " + datasetId + " was deleted or does not exist", false, null);
                }
                return ModelJson.MAPPER.readValue(rs.getString(1), SchemaJson.class).toSchema();
            } catch (IOException e) {
                throw new JobFailure("dataset " + datasetId + " has an unreadable schema: " + e.getMessage(), false, e);
            }
        }
    }
}

package io.ltvcascade.worker.data;

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

/**
 * Reads a dataset version's rows out of its column blocks in PostgreSQL: all of them at once (training needs the whole
 * table) or a range at a time (batch scoring, whose memory then stays that of a few chunks, however large the
 * dataset).
 */
public final class DatasetReader {

    private final DataSource dataSource;

    public DatasetReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A dataset version as stored: its tenant, id, schema and number of rows. */
    public record StoredDataset(long tenantId, long id, TableSchema schema, int rows) {
    }

    /** The dataset's rows; a deleted, missing or corrupt dataset fails the job without retries. */
    public Table read(long tenantId, long datasetId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            StoredDataset dataset = describe(c, tenantId, datasetId);
            return rows(c, dataset, 0, dataset.rows());
        }
    }

    /** The dataset's schema and size; a deleted or missing dataset fails the job without retries. */
    public static StoredDataset describe(Connection c, long tenantId, long datasetId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT schema, status, row_count FROM datasets WHERE tenant_id = ? AND id = ?")) {
            s.setLong(1, tenantId);
            s.setLong(2, datasetId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !"READY".equals(rs.getString(2))) {
                    throw new JobFailure("dataset " + datasetId + " was deleted or does not exist", false, null);
                }
                TableSchema schema = ModelJson.MAPPER.readValue(rs.getString(1), SchemaJson.class).toSchema();
                return new StoredDataset(tenantId, datasetId, schema, Math.toIntExact(rs.getLong(3)));
            } catch (IOException e) {
                throw new JobFailure("dataset " + datasetId + " has an unreadable schema: " + e.getMessage(), false, e);
            }
        }
    }

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive), decoded from the blocks that hold them, streamed a few
     * blocks at a time. Blocks that are gone (the dataset deleted meanwhile) or corrupt fail the job without retries.
     */
    public static Table rows(Connection c, StoredDataset dataset, int from, int to) throws SQLException {
        List<ColumnBlock> blocks = new ArrayList<>();
        long firstRow = -1;
        boolean autoCommit = c.getAutoCommit();
        try (PreparedStatement s = c.prepareStatement("SELECT first_row, data FROM dataset_blocks "
                + "WHERE tenant_id = ? AND dataset_id = ? AND first_row < ? AND first_row + row_count > ? "
                + "ORDER BY block_no")) {
            s.setFetchSize(4);
            s.setLong(1, dataset.tenantId());
            s.setLong(2, dataset.id());
            s.setLong(3, to);
            s.setLong(4, from);
            c.setAutoCommit(false); // the driver streams with a fetch size only inside a transaction
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    firstRow = firstRow < 0 ? rs.getLong(1) : firstRow;
                    blocks.add(BlockCodec.decode(rs.getBytes(2), dataset.schema()));
                }
            }
        } catch (IllegalStateException e) {
            throw new JobFailure("dataset " + dataset.id() + " is corrupt: " + e.getMessage(), false, e);
        } finally {
            c.setAutoCommit(autoCommit);
        }
        int held = blocks.stream().mapToInt(ColumnBlock::rowCount).sum();
        if (to > from && (firstRow < 0 || firstRow > from || firstRow + held < to)) {
            throw new JobFailure("dataset " + dataset.id() + " lost rows " + from + " to " + to + " while being read "
                    + "(deleted meanwhile?)", false, null);
        }
        return Table.fromBlocks(dataset.schema(), blocks, (int) (from - Math.max(firstRow, 0)), to - from);
    }
}

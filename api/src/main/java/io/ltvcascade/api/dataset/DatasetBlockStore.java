package io.ltvcascade.api.dataset;

import io.agroal.api.AgroalDataSource;
import io.ltvcascade.model.data.BlockCodec;
import io.ltvcascade.model.data.ColumnBlock;
import io.ltvcascade.model.data.TableSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/** Reads and writes a dataset's rows as compressed column blocks in dataset_blocks. */
@ApplicationScoped
public class DatasetBlockStore {

    private final AgroalDataSource dataSource;

    public DatasetBlockStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A writer bound to one connection of the current transaction; blocks are inserted in order. */
    public static final class Writer {
        private final PreparedStatement insert;
        private final long tenantId;
        private final long datasetId;
        private int blockNo;
        private long firstRow;

        Writer(Connection connection, long tenantId, long datasetId) throws SQLException {
            this.insert = connection.prepareStatement("INSERT INTO dataset_blocks "
                    + "(tenant_id, dataset_id, block_no, first_row, row_count, data) VALUES (?, ?, ?, ?, ?, ?)");
            this.tenantId = tenantId;
            this.datasetId = datasetId;
        }

        public void write(ColumnBlock block) throws SQLException {
            insert.setLong(1, tenantId);
            insert.setLong(2, datasetId);
            insert.setInt(3, blockNo++);
            insert.setLong(4, firstRow);
            insert.setInt(5, block.rowCount());
            insert.setBytes(6, BlockCodec.encode(block));
            insert.executeUpdate();
            firstRow += block.rowCount();
        }
    }

    public static Writer writer(Connection connection, long tenantId, long datasetId) throws SQLException {
        return new Writer(connection, tenantId, datasetId);
    }

    /** Streams the blocks one query at a time, so no cursor or transaction is held while the caller works. */
    public void read(long tenantId, long datasetId, TableSchema schema, Consumer<ColumnBlock> sink) throws SQLException {
        for (int blockNo = 0; ; blockNo++) {
            byte[] data = readBlock(tenantId, datasetId, blockNo);
            if (data == null) {
                return;
            }
            sink.accept(BlockCodec.decode(data, schema));
        }
    }

    private byte[] readBlock(long tenantId, long datasetId, int blockNo) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT data FROM dataset_blocks WHERE tenant_id = ? AND dataset_id = ? AND block_no = ?")) {
            select.setLong(1, tenantId);
            select.setLong(2, datasetId);
            select.setInt(3, blockNo);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    public static void deleteAll(Connection connection, long tenantId, long datasetId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM dataset_blocks WHERE tenant_id = ? AND dataset_id = ?")) {
            delete.setLong(1, tenantId);
            delete.setLong(2, datasetId);
            delete.executeUpdate();
        }
    }
}

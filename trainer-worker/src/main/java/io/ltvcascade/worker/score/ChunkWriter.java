package io.ltvcascade.worker.score;

import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.scoring.PredictionBlocks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Appends a scoring job's results to scoring_results, one column block ({@link PredictionBlocks}) per call. */
final class ChunkWriter {

    private final Connection connection;
    private final long tenantId;
    private final long jobId;
    private final int buckets;
    private int chunkNo;

    ChunkWriter(Connection connection, long tenantId, long jobId, int buckets) {
        this.connection = connection;
        this.tenantId = tenantId;
        this.jobId = jobId;
        this.buckets = buckets;
    }

    void write(long firstRow, String[] ids, Predictions predictions) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO scoring_results "
                + "(tenant_id, job_id, chunk_no, first_row, row_count, data) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, tenantId);
            s.setLong(2, jobId);
            s.setInt(3, chunkNo++);
            s.setLong(4, firstRow);
            s.setInt(5, predictions.size());
            s.setBytes(6, PredictionBlocks.encode(ids, predictions, buckets));
            s.executeUpdate();
        }
    }
}

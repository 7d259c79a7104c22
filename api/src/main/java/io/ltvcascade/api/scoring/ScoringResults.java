package io.ltvcascade.api.scoring;

import io.agroal.api.AgroalDataSource;
import io.ltvcascade.api.common.Cursor;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import io.ltvcascade.model.scoring.PredictionBlocks;
import io.ltvcascade.model.scoring.PredictionCsv;
import io.ltvcascade.model.scoring.ScoredCustomer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a succeeded scoring job's stored chunks: as one CSV streamed chunk by chunk (memory stays flat for any
 * size), or as JSON pages of customers in dataset order.
 */
@ApplicationScoped
public class ScoringResults {

    private final AgroalDataSource dataSource;

    public ScoringResults(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    StreamingOutput csv(ScoringJob job) {
        return out -> {
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            PredictionCsv.writeHeader(csv, job.resultBuckets);
            long row = 0;
            while (row < job.resultRows) {
                Chunk chunk = chunkAt(job, row);
                PredictionCsv.writeRows(csv, chunk.customers(job.resultBuckets), job.resultBuckets);
                row = chunk.firstRow() + chunk.rowCount();
            }
            csv.flush();
        };
    }

    /** Up to {@code limit} customers from the row the cursor names (the first row without one). */
    Page<ScoredCustomer> page(ScoringJob job, String limit, String cursor) {
        int n = PageRequest.limit(limit);
        long row = cursor == null || cursor.isBlank() ? 0 : Cursor.decode(cursor);
        List<ScoredCustomer> items = new ArrayList<>(n);
        while (items.size() < n && row < job.resultRows) {
            Chunk chunk = chunkAt(job, row);
            List<ScoredCustomer> rows = chunk.customers(job.resultBuckets);
            int from = (int) (row - chunk.firstRow());
            int to = Math.min(rows.size(), from + n - items.size());
            items.addAll(rows.subList(from, to));
            row = chunk.firstRow() + to;
        }
        return new Page<>(items, row < job.resultRows ? Cursor.encode(row) : null);
    }

    private Chunk chunkAt(ScoringJob job, long row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT first_row, "
                + "row_count, data FROM scoring_results WHERE tenant_id = ? AND job_id = ? AND first_row <= ? "
                + "ORDER BY first_row DESC LIMIT 1")) {
            s.setLong(1, job.tenantId);
            s.setLong(2, job.id);
            s.setLong(3, row);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("scoring job " + job.id + " has no stored chunk for row " + row);
                }
                return new Chunk(rs.getLong(1), rs.getInt(2), rs.getBytes(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the results of scoring job " + job.id, e);
        }
    }

    private record Chunk(long firstRow, int rowCount, byte[] block) {
        List<ScoredCustomer> customers(int buckets) {
            return PredictionBlocks.decode(block, buckets);
        }
    }
}

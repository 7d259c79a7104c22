package io.ltvcascade.worker.score;

import io.ltvcascade.model.scoring.PredictionCsv;
import io.ltvcascade.model.scoring.ScoredCustomer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Appends a scoring job's results to scoring_results, one gzip'd CSV chunk (no header) per call. */
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

    void write(long firstRow, List<ScoredCustomer> customers) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO scoring_results "
                + "(tenant_id, job_id, chunk_no, first_row, row_count, data) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, tenantId);
            s.setLong(2, jobId);
            s.setInt(3, chunkNo++);
            s.setLong(4, firstRow);
            s.setInt(5, customers.size());
            s.setBytes(6, gzipCsv(customers));
            s.executeUpdate();
        }
    }

    private byte[] gzipCsv(List<ScoredCustomer> customers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(customers.size() * 64);
        // the fastest level: results are written once and read rarely, and scoring speed is what users wait for
        try (Writer out = new OutputStreamWriter(new FastGzip(bytes), StandardCharsets.UTF_8)) {
            PredictionCsv.writeRows(out, customers, buckets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}

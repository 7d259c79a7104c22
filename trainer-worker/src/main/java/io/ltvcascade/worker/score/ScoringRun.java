package io.ltvcascade.worker.score;

import ai.djl.Device;
import io.ltvcascade.model.ccor.ArtifactException;
import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.scoring.PredictionBlocks;
import io.ltvcascade.model.scoring.ScoringChunk;
import io.ltvcascade.worker.data.DatasetReader;
import io.ltvcascade.worker.data.DatasetReader.StoredDataset;
import io.ltvcascade.worker.queue.ClaimedJob;
import io.ltvcascade.worker.queue.JobFailure;
import io.ltvcascade.worker.queue.JobQueue;
import io.ltvcascade.worker.queue.LeaseKeeper;
import io.ltvcascade.worker.queue.LeaseLost;
import io.ltvcascade.worker.queue.ShutdownSignal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs one claimed scoring job: score the dataset chunk by chunk on the CPU with the model version's artifact (the same
 * code path as online scoring, so the numbers are the same), reading each chunk's rows from the dataset's blocks as it
 * goes (a job holds a few chunks in memory, not the dataset), store each chunk as a compressed column block with a
 * progress heartbeat, and mark the job done in the transaction that wrote the chunks.
 */
public final class ScoringRun {

    private static final Logger LOG = Logger.getLogger(ScoringRun.class.getName());

    private final DataSource dataSource;
    private final JobQueue queue;
    private final Duration lease;
    private final ShutdownSignal shutdown;

    public ScoringRun(DataSource dataSource, JobQueue queue, Duration lease, ShutdownSignal shutdown) {
        this.dataSource = dataSource;
        this.queue = queue;
        this.lease = lease;
        this.shutdown = shutdown;
    }

    /** The number of rows scored; throws like {@link io.ltvcascade.worker.train.TrainingRun#run}. */
    public int run(ClaimedJob job) throws SQLException {
        LeaseKeeper keeper = new LeaseKeeper(queue, job, lease, shutdown);
        try (LtvModel model = load(job); Connection read = dataSource.getConnection();
                Connection write = dataSource.getConnection()) {
            write.setAutoCommit(false);
            try {
                StoredDataset dataset = DatasetReader.describe(read, job.tenantId(), job.datasetId());
                writeChunks(read, write, job, model, dataset, keeper);
                markDone(write, job, dataset.rows(), model.scheme().buckets());
                write.commit();
                return dataset.rows();
            } catch (SQLException | RuntimeException e) {
                write.rollback();
                throw e;
            }
        }
    }

    /**
     * Keeps this thread on forward passes: while chunk n is scored here, a reader thread prepares chunk n+1 (reads its
     * rows, encodes its features) on its own connection and a writer thread stores chunk n-1 (pack, insert, heartbeat)
     * in the job's transaction. At most one chunk waits on either side, and only the writer uses {@code write} until
     * the chunks are written.
     */
    private void writeChunks(Connection read, Connection write, ClaimedJob job, LtvModel model, StoredDataset dataset,
            LeaseKeeper keeper) throws SQLException {
        ChunkWriter chunks = new ChunkWriter(write, job.tenantId(), job.id(), model.scheme().buckets());
        ExecutorService reader = singleThread("scoring-job-" + job.id() + "-reader");
        ExecutorService writer = singleThread("scoring-job-" + job.id() + "-writer");
        int total = dataset.rows();
        long started = System.nanoTime();
        Future<?> stored = CompletableFuture.completedFuture(null);
        try {
            Future<ScoringChunk> prepared = reader.submit(() -> prepare(read, model, dataset, 0));
            for (int from = 0; from < total; from += PredictionBlocks.CHUNK_ROWS) {
                ScoringChunk chunk = await(prepared);
                int next = chunk.to();
                if (next < total) {
                    prepared = reader.submit(() -> prepare(read, model, dataset, next));
                }
                Predictions predictions = model.predict(chunk.features());
                await(stored);
                if (keeper.stopRequested()) {
                    throw new CancellationException("stopped on request while running");
                }
                stored = writer.submit(() -> {
                    chunks.write(chunk.from(), chunk.ids(), predictions);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    keeper.beat(progress(chunk.to(), total, seconds));
                    LOG.info(String.format("scoring job %d: %,d of %,d rows (%.0f rows/s)", job.id(), chunk.to(),
                            total, chunk.to() / seconds));
                    return null;
                });
            }
            await(stored);
        } finally {
            // on failure too: the caller rolls back on the connection a store may still be using, and closes both
            reader.shutdown();
            writer.shutdown();
            awaitTermination(reader);
            awaitTermination(writer);
        }
    }

    private static ScoringChunk prepare(Connection read, LtvModel model, StoredDataset dataset, int from)
            throws SQLException {
        return ScoringChunk.encode(model, DatasetReader.rows(read, dataset, from, ScoringChunk.end(from,
                dataset.rows())), from);
    }

    private static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static void awaitTermination(ExecutorService helper) {
        boolean interrupted = false;
        while (true) {
            try {
                if (helper.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The helper's result; its failure (database, lease lost) becomes this job's failure. */
    private static <T> T await(Future<T> work) throws SQLException {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailure("interrupted while preparing or storing a chunk", true, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private LtvModel load(ClaimedJob job) throws SQLException {
        long started = System.nanoTime();
        byte[] artifact;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT v.artifact "
                + "FROM scoring_jobs j JOIN model_versions v ON v.tenant_id = j.tenant_id AND v.id = j.version_id "
                + "WHERE j.id = ?")) {
            s.setLong(1, job.id());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new JobFailure("the model version of scoring job " + job.id() + " does not exist", false, null);
                }
                artifact = rs.getBytes(1);
            }
        }
        long read = System.nanoTime();
        try {
            LtvModel model = ModelArtifact.read(artifact, Device.cpu());
            LOG.info(String.format("scoring job %d: model read in %d ms, loaded in %d ms", job.id(),
                    (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000));
            return model;
        } catch (ArtifactException e) {
            throw new JobFailure("the model version's artifact is unreadable: " + e.getMessage(), false, e);
        }
    }

    private void markDone(Connection c, ClaimedJob job, int rows, int buckets) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE scoring_jobs SET result_rows = ?, result_buckets = ? WHERE id = ?")) {
            s.setLong(1, rows);
            s.setInt(2, buckets);
            s.setLong(3, job.id());
            s.executeUpdate();
        }
        if (!queue.succeed(c, job.id(), job.worker())) {
            throw new LeaseLost(job.id());
        }
    }

    private static String progress(int done, int total, double seconds) {
        return String.format(java.util.Locale.ROOT, "{\"rows_scored\": %d, \"rows_total\": %d, \"rows_per_second\": %.1f}",
                done, total, done / Math.max(seconds, 1e-9));
    }
}

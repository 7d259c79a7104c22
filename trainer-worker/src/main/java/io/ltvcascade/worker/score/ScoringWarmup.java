package io.ltvcascade.worker.score;

import ai.djl.Device;
import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.ccor.ModelConfig;
import io.ltvcascade.model.ccor.UntrainedModels;
import io.ltvcascade.model.data.BlockCodec;
import io.ltvcascade.model.data.BlockWriter;
import io.ltvcascade.model.data.ColumnBlock;
import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.data.TableSchema;
import io.ltvcascade.model.scoring.PredictionBlocks;
import io.ltvcascade.model.scoring.ScoringChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a batch job's work on generated rows with an untrained model when the worker starts, before it polls: load the
 * model from its artifact, then per chunk decode the stored blocks, encode the features, run the forward pass and pack
 * the result block. The JIT compiles that code while the worker is idle instead of during the first scoring job, which
 * otherwise ran its early chunks on interpreted code and shared the two cores with the compiler threads
 * (docs/benchmarks.md). Nothing is read from or written to the database.
 */
public final class ScoringWarmup {

    private static final Logger LOG = Logger.getLogger(ScoringWarmup.class.getName());
    /** Chunks scored: after four, a new worker's first job left its compiler threads a third of the CPU they took. */
    static final int CHUNKS = 4;

    private ScoringWarmup() {}

    /** Warms the scoring path; a failure is logged (the first job then runs cold) and never stops the worker. */
    public static void run() {
        long started = System.nanoTime();
        try {
            scoreGeneratedRows();
            LOG.info(String.format("scoring path warmed up in %d ms (%,d generated rows)",
                    (System.nanoTime() - started) / 1_000_000, CHUNKS * PredictionBlocks.CHUNK_ROWS));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(Level.WARNING, "the scoring warm-up failed; the first scoring job runs on cold code", e);
        }
    }

    /** The result blocks of {@link #CHUNKS} chunks of generated rows and the model's bucket count. */
    record Results(List<byte[]> blocks, int buckets) {}

    /** {@link #CHUNKS} chunks of generated rows, scored as a job scores a dataset's chunks. */
    static Results scoreGeneratedRows() {
        Table generated = SyntheticData.generate(PredictionBlocks.CHUNK_ROWS, 1);
        List<byte[]> stored = encode(generated);
        List<byte[]> results = new ArrayList<>();
        try (LtvModel model = viaArtifact(UntrainedModels.create(generated, ModelConfig.defaults(), 1))) {
            for (int chunk = 0; chunk < CHUNKS; chunk++) {
                Table read = decode(stored, generated.schema(), generated.rows());
                results.add(ScoringChunk.encode(model, read, 0).scoreToBlock(model));
            }
            return new Results(results, model.scheme().buckets());
        }
    }

    /** The model as a job loads it: written to its artifact and read back (which freezes it). */
    private static LtvModel viaArtifact(LtvModel model) {
        try (model) {
            return ModelArtifact.read(ModelArtifact.write(model), Device.cpu());
        }
    }

    /** The rows as stored blocks of the size uploads are cut into. */
    private static List<byte[]> encode(Table rows) {
        List<byte[]> blocks = new ArrayList<>();
        for (int from = 0; from < rows.rows(); from += BlockWriter.DEFAULT_BLOCK_ROWS) {
            blocks.add(BlockCodec.encode(rows.range(from, Math.min(rows.rows(), from + BlockWriter.DEFAULT_BLOCK_ROWS))
                    .asBlock()));
        }
        return blocks;
    }

    private static Table decode(List<byte[]> stored, TableSchema schema, int rows) {
        List<ColumnBlock> blocks = new ArrayList<>();
        for (byte[] block : stored) {
            blocks.add(BlockCodec.decode(block, schema));
        }
        return Table.fromBlocks(schema, blocks, 0, rows);
    }
}

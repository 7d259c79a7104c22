package io.ltvcascade.model.cli;

import ai.djl.Device;
import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.features.EncodedFeatures;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.PredictionInput;
import io.ltvcascade.model.scoring.PredictionBlocks;
import io.ltvcascade.model.scoring.ScoringChunk;
import java.nio.file.Path;

/**
 * {@code scoring-benchmark}: the reference for batch scoring throughput, on the rows a scoring job scores: rows/s of
 * the network's raw forward passes (encoded inputs in, outputs left in native memory), of full predictions (plus
 * reading outputs back and assembling them) and of a scoring job's per-chunk work done on one thread without its
 * database writes (a job spreads it over two: forward passes on one, preparing and storing chunks on the other);
 * best of {@code --repeat} runs after a warm-up.
 */
final class ScoringBenchmarkCommand {

    private ScoringBenchmarkCommand() {}

    static void run(Args args) {
        int repeat = Integer.parseInt(args.get("repeat", "3"));
        try (LtvModel model = ModelArtifact.read(CliData.read(Path.of(args.required("model"))), Device.cpu())) {
            Table rows = PredictionInput.readCsv(Path.of(args.required("data")), args.required("id"), model.features())
                    .table();
            EncodedFeatures x = model.features().encode(rows);
            model.forwardOnly(x);
            double forward = best(repeat, () -> model.forwardOnly(x));
            double predict = best(repeat, () -> model.predict(x));
            double job = best(repeat, () -> scoreLikeAJob(model, rows));
            System.out.printf("rows %d: raw forward %.0f rows/s; predict (forward + assembly) %.0f rows/s; "
                    + "a scoring job's loop without the database (chunk, encode, predict, store format) %.0f rows/s%n",
                    x.rows(), x.rows() / forward, x.rows() / predict, x.rows() / job);
        }
    }

    private static void scoreLikeAJob(LtvModel model, Table rows) {
        for (int from = 0; from < rows.rows(); from += PredictionBlocks.CHUNK_ROWS) {
            ScoringChunk.of(model, rows, from).scoreToBlock(model);
        }
    }

    private static double best(int repeat, Runnable work) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}

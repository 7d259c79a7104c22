package io.ltvcascade.api.serving;

import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.features.EncodedFeatures;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scores a large forward pass in parts on several cores at once. The api runs torch single-threaded per pass
 * ({@code OMP_NUM_THREADS=1}), so a lone 1,000-customer request would otherwise leave every other core idle while it
 * is scored. The calling thread scores the first part itself and afterwards takes back any part no helper has
 * started, so a pass never waits for a busy helper. Rows score bit-identically however they are split
 * ({@link LtvModel#predict(EncodedFeatures)}), and part boundaries fall on whole row blocks.
 */
@ApplicationScoped
public class ForwardSplitter {

    private final int parts;
    private final int minPartRows;
    private final ExecutorService helpers;
    private final AtomicLong splitPasses = new AtomicLong();

    @Inject
    public ForwardSplitter(ServingConfig config) {
        this(Runtime.getRuntime().availableProcessors(), config.splitMinRows());
    }

    /** At most {@code parts} parts of at least {@code minPartRows} rows each; 0 rows = never split. */
    ForwardSplitter(int parts, int minPartRows) {
        this(parts, minPartRows, parts > 1 && minPartRows > 0 ? Executors.newFixedThreadPool(parts - 1, runnable -> {
            Thread thread = new Thread(runnable, "forward-split");
            thread.setDaemon(true);
            return thread;
        }) : null);
    }

    /** With the given helper threads (null = never split). */
    ForwardSplitter(int parts, int minPartRows, ExecutorService helpers) {
        this.parts = parts;
        this.minPartRows = minPartRows;
        this.helpers = helpers;
    }

    Predictions predict(LtvModel model, EncodedFeatures rows) {
        int count = helpers == null ? 1 : Math.min(parts, rows.rows() / minPartRows);
        if (count < 2) {
            return model.predict(rows);
        }
        splitPasses.incrementAndGet();
        // part boundaries on the model's row blocks, which it pads every pass to
        int size = LtvModel.paddedRows(rows.rows() / count);
        List<FutureTask<Predictions>> others = new ArrayList<>();
        for (int from = size; from < rows.rows(); from += size) {
            EncodedFeatures part = rows.rows(from, Math.min(rows.rows(), from + size));
            FutureTask<Predictions> task = new FutureTask<>(() -> model.predict(part));
            others.add(task);
            helpers.execute(task);
        }
        List<Predictions> scored = new ArrayList<>();
        scored.add(model.predict(rows.rows(0, size)));
        for (FutureTask<Predictions> task : others) {
            task.run(); // scores the part here unless a helper has started it (then this returns at once)
            scored.add(resultOf(task));
        }
        return Predictions.concat(scored);
    }

    /** Passes scored in parts so far. */
    long splitPasses() {
        return splitPasses.get();
    }

    @PreDestroy
    void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    /** The part's predictions, once the helper that started it is done (a wait of one part's forward pass). */
    private static Predictions resultOf(FutureTask<Predictions> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // other requests' rows are in this pass: finish it, keep the interrupt
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package io.ltvcascade.api.serving;

import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.features.EncodedFeatures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Runs forward passes for concurrent requests on one model: at most {@code lanes} passes at once (the pool of
 * scoring slots that stands in for a pool of DJL predictors), and requests that wait for a slot are coalesced into
 * one pass of up to {@code maxRows} rows. A pass of 16 rows costs about the same as one of a single row, and 64 rows
 * about twice that, so under load this multiplies throughput; while requests arrive concurrently a pass also waits
 * {@code gatherNanos} for more to join. No extra thread: a waiting request thread becomes the leader that runs the
 * next pass for everyone in it. Rows score bit-identically however they are grouped (see {@link LtvModel#predict}).
 */
final class BatchingScorer {

    private final Function<EncodedFeatures, Predictions> forward;
    private final int lanes;
    private final int maxRows;
    private final long gatherNanos;
    private final ArrayDeque<Request> waiting = new ArrayDeque<>();
    private int running;
    private long passes;
    private long gatheredPasses;
    private int lastPassRequests;

    /** {@code forward} scores rows, as {@link LtvModel#predict(EncodedFeatures)} does (and as fast as it can). */
    BatchingScorer(Function<EncodedFeatures, Predictions> forward, Batching batching) {
        this.forward = forward;
        this.lanes = batching.lanes();
        this.maxRows = batching.maxRows();
        this.gatherNanos = batching.gatherNanos();
    }

    Predictions score(EncodedFeatures rows) throws InterruptedException {
        Request mine = new Request(rows);
        synchronized (this) {
            waiting.add(mine);
        }
        while (true) {
            boolean gather;
            synchronized (this) {
                while (!mine.done && (running >= lanes || waiting.isEmpty())) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        waiting.remove(mine);
                        throw e;
                    }
                }
                if (mine.done) {
                    return mine.result();
                }
                running++;
                gather = gatherNanos > 0 && lastPassRequests > 1;
                gatheredPasses += gather ? 1 : 0;
            }
            if (gather) {
                // requests are arriving concurrently: hold the lane a moment so that more of them share this pass
                LockSupport.parkNanos(gatherNanos);
            }
            List<Request> pass;
            synchronized (this) {
                pass = take();
                if (pass.isEmpty()) { // another lane took them meanwhile
                    running--;
                    notifyAll();
                    continue;
                }
                passes++;
                lastPassRequests = pass.size();
            }
            run(pass);
        }
    }

    /** Forward passes run so far (a coalesced pass counts once). */
    synchronized long passes() {
        return passes;
    }

    /** Passes that waited for more requests before running. */
    synchronized long gatheredPasses() {
        return gatheredPasses;
    }

    /** Requests queued and not yet taken into a pass. */
    synchronized int waitingRequests() {
        return waiting.size();
    }

    private List<Request> take() {
        List<Request> pass = new ArrayList<>();
        int rows = 0;
        while (!waiting.isEmpty() && (pass.isEmpty() || rows + waiting.peek().rows.rows() <= maxRows)) {
            Request next = waiting.poll();
            rows += next.rows.rows();
            pass.add(next);
        }
        return pass;
    }

    private void run(List<Request> pass) {
        Predictions all = null;
        RuntimeException failure = null;
        try {
            all = forward.apply(EncodedFeatures.concat(pass.stream().map(r -> r.rows).toList()));
        } catch (RuntimeException e) {
            failure = e;
        }
        synchronized (this) {
            int at = 0;
            for (Request r : pass) {
                int n = r.rows.rows();
                r.finish(all == null ? null : pass.size() == 1 ? all : all.rows(at, at + n), failure);
                at += n;
            }
            running--;
            notifyAll();
        }
    }

    private static final class Request {
        final EncodedFeatures rows;
        boolean done;
        Predictions predictions;
        RuntimeException failure;

        Request(EncodedFeatures rows) {
            this.rows = rows;
        }

        void finish(Predictions p, RuntimeException e) {
            predictions = p;
            failure = e;
            done = true;
        }

        Predictions result() {
            if (failure != null) {
                throw failure;
            }
            return predictions;
        }
    }
}

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
 * about twice that, so under load this multiplies throughput; while requests arrive concurrently a pass also waits up
 * to {@code gatherNanos} for more to join (until as many wait as the previous pass served). No extra thread: a
 * request thread that holds a lane (the leader) runs passes for everyone in them until its own request is done, then
 * hands the lane to the thread of the oldest waiting request. A thread is woken only when its request is done or it
 * is to lead, not on every pass. Rows score bit-identically however they are grouped (see {@link LtvModel#predict}).
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
    /** The leader holding its lane for more requests, woken early once as many wait as the last pass served. */
    private Thread gatherer;

    /** {@code forward} scores rows, as {@link LtvModel#predict(EncodedFeatures)} does (and as fast as it can). */
    BatchingScorer(Function<EncodedFeatures, Predictions> forward, Batching batching) {
        this.forward = forward;
        this.lanes = batching.lanes();
        this.maxRows = batching.maxRows();
        this.gatherNanos = batching.gatherNanos();
    }

    Predictions score(EncodedFeatures rows) throws InterruptedException {
        Request mine = new Request(rows, Thread.currentThread());
        Thread enough = null;
        synchronized (this) {
            waiting.add(mine);
            if (running < lanes) {
                running++;
                mine.leads = true;
            }
            if (gatherer != null && enoughWaiting()) {
                enough = gatherer;
                gatherer = null;
            }
        }
        LockSupport.unpark(enough);
        try {
            while (awaitTurn(mine)) {
                List<Request> pass = takePass();
                if (pass.isEmpty()) { // another lane took my request: its leader will wake me
                    handOver(mine);
                } else {
                    run(pass);
                }
            }
        } finally {
            if (mine.leads) {
                handOver(mine);
            }
        }
        return mine.result();
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

    /** Waits until {@code mine} is done (false) or this thread holds a lane (true). */
    private boolean awaitTurn(Request mine) throws InterruptedException {
        while (!mine.done && !mine.leads) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                synchronized (this) {
                    if (!mine.done && !mine.leads) {
                        waiting.remove(mine);
                        throw new InterruptedException();
                    }
                }
                Thread.currentThread().interrupt(); // too late to leave: finish, and let the caller see the flag
            }
        }
        return !mine.done;
    }

    private List<Request> takePass() {
        boolean gather;
        synchronized (this) {
            gather = gatherNanos > 0 && lastPassRequests > 1 && !enoughWaiting();
            gatheredPasses += gather ? 1 : 0;
            gatherer = gather ? Thread.currentThread() : null;
        }
        if (gather) {
            // requests are arriving concurrently: hold the lane a moment so that more of them share this pass
            LockSupport.parkNanos(gatherNanos);
        }
        synchronized (this) {
            if (gatherer == Thread.currentThread()) {
                gatherer = null;
            }
            List<Request> pass = new ArrayList<>();
            int rows = 0;
            while (!waiting.isEmpty() && (pass.isEmpty() || rows + waiting.peek().rows.rows() <= maxRows)) {
                Request next = waiting.poll();
                rows += next.rows.rows();
                pass.add(next);
            }
            if (!pass.isEmpty()) {
                passes++;
                lastPassRequests = pass.size();
            }
            return pass;
        }
    }

    /** Whether as many requests wait as the last pass served: a held pass need not wait longer. */
    private boolean enoughWaiting() {
        return waiting.size() >= lastPassRequests;
    }

    /** Gives the lane of {@code mine}'s thread to the thread of the oldest waiting request that does not lead yet. */
    private void handOver(Request mine) {
        Thread next = null;
        synchronized (this) {
            mine.leads = false;
            for (Request r : waiting) {
                if (!r.leads) {
                    r.leads = true;
                    next = r.owner;
                    break;
                }
            }
            if (next == null) {
                running--;
            }
        }
        LockSupport.unpark(next);
    }

    private void run(List<Request> pass) {
        Predictions all = null;
        RuntimeException failure = null;
        try {
            all = forward.apply(EncodedFeatures.concat(pass.stream().map(r -> r.rows).toList()));
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("the forward pass failed: " + e, e);
        }
        int at = 0;
        for (Request r : pass) {
            int n = r.rows.rows();
            r.finish(all == null ? null : pass.size() == 1 ? all : all.rows(at, at + n), failure);
            at += n;
            if (r.owner != Thread.currentThread()) {
                LockSupport.unpark(r.owner);
            }
        }
    }

    private static final class Request {
        final EncodedFeatures rows;
        final Thread owner;
        /** Set under the scorer's lock; read by the owner without it. */
        volatile boolean leads;
        /** Written after the result, so that an owner that sees it also sees the result. */
        volatile boolean done;
        Predictions predictions;
        RuntimeException failure;

        Request(EncodedFeatures rows, Thread owner) {
            this.rows = rows;
            this.owner = owner;
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

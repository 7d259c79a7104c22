package io.ltvcascade.api.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.ltvcascade.api.TrainedArtifacts;
import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.features.EncodedFeatures;
import io.ltvcascade.model.features.PredictionInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Coalesced forward passes give every request exactly its own rows' predictions, as if scored alone. */
class BatchingScorerTest {

    private static LtvModel model;
    private static EncodedFeatures all;

    @BeforeAll
    static void load() {
        model = ModelArtifact.read(TrainedArtifacts.artifact(1), Device.cpu());
        all = model.features().encode(PredictionInput.readCsv(new ByteArrayInputStream(
                TrainedArtifacts.csv().getBytes(StandardCharsets.UTF_8)), "customer_id", model.features()).table());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void shouldGiveEachWaitingRequestItsOwnRowsWhenCoalesced() throws Exception {
        BatchingScorer scorer = new BatchingScorer(model::predict, new Batching(1, 4096, 0));
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            // a big pass holds the only lane while eight single-row requests queue up behind it
            EncodedFeatures big = repeat(all, 8);
            Future<Predictions> first = pool.submit(() -> scorer.score(big));
            while (scorer.passes() == 0) {
                Thread.onSpinWait();
            }
            List<Future<Predictions>> singles = new ArrayList<>();
            for (int row = 0; row < 8; row++) {
                EncodedFeatures one = slice(all, row * 7);
                singles.add(pool.submit(() -> scorer.score(one)));
            }
            assertEquals(big.rows(), first.get().size());
            for (int row = 0; row < 8; row++) {
                Predictions alone = model.predict(slice(all, row * 7));
                Predictions coalesced = singles.get(row).get();
                assertEquals(alone.expected()[0], coalesced.expected()[0], "request " + row);
                assertArrayEquals(alone.bucketProbabilities()[0], coalesced.bucketProbabilities()[0]);
            }
            assertEquals(2, scorer.passes(), "the eight waiting requests ran as one pass");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void shouldHoldAPassForMoreRequestsOnlyWhileRequestsArriveConcurrently() throws Exception {
        // a long gather window, so that the second request surely arrives inside it
        BatchingScorer scorer = new BatchingScorer(model::predict, new Batching(1, 4096, 1_000_000_000L));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int row = 0; row < 3; row++) {
                scorer.score(slice(all, row)); // one client, one request at a time
            }
            assertEquals(3, scorer.passes());
            assertEquals(0, scorer.gatheredPasses(), "a lone client never waits");

            // two requests that queued behind a big one share the next pass: from then on requests count as concurrent
            Future<Predictions> big = pool.submit(() -> scorer.score(repeat(all, 8)));
            while (scorer.passes() == 3) {
                Thread.onSpinWait();
            }
            List<Future<Predictions>> queued = List.of(pool.submit(() -> scorer.score(slice(all, 0))),
                    pool.submit(() -> scorer.score(slice(all, 1))));
            big.get();
            for (Future<Predictions> f : queued) {
                f.get();
            }
            assertEquals(5, scorer.passes());
            assertEquals(0, scorer.gatheredPasses());

            Future<Predictions> next = pool.submit(() -> scorer.score(slice(all, 2)));
            while (scorer.gatheredPasses() == 0) {
                Thread.onSpinWait();
            }
            Future<Predictions> late = pool.submit(() -> scorer.score(slice(all, 4)));
            assertEquals(model.predict(slice(all, 2)).expected()[0], next.get().expected()[0]);
            assertEquals(model.predict(slice(all, 4)).expected()[0], late.get().expected()[0]);
            assertEquals(6, scorer.passes(), "the request that came during the wait joined the held pass");
            assertEquals(0, scorer.waitingRequests());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(120)
    void shouldAnswerEveryRequestWithItsOwnRowsFromManyThreadsOnTwoLanes() throws Exception {
        BatchingScorer scorer = new BatchingScorer(model::predict, new Batching(2, 5, 50_000));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Predictions>> answers = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                int row = i % all.rows();
                // mostly single customers, now and then three: passes fill up to five rows and split requests unevenly
                EncodedFeatures rows = i % 7 == 0 ? all.rows(row, Math.min(all.rows(), row + 3)) : slice(all, row);
                answers.add(pool.submit(() -> scorer.score(rows)));
            }
            Predictions alone = model.predict(all);
            for (int i = 0; i < answers.size(); i++) {
                int row = i % all.rows();
                Predictions p = answers.get(i).get();
                for (int r = 0; r < p.size(); r++) {
                    assertEquals(alone.expected()[row + r], p.expected()[r], "request " + i + ", row " + r);
                }
            }
            assertEquals(0, scorer.waitingRequests());
            assertTrue(scorer.passes() < answers.size(), "requests that queued shared passes: " + scorer.passes());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void shouldLeaveTheQueueWhenInterruptedWhileWaiting() throws Exception {
        BatchingScorer scorer = new BatchingScorer(model::predict, new Batching(1, 4096, 0));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Predictions> big = pool.submit(() -> scorer.score(repeat(all, 16)));
            while (scorer.passes() == 0) {
                Thread.onSpinWait();
            }
            Future<Predictions> queued = pool.submit(() -> scorer.score(slice(all, 0)));
            while (scorer.waitingRequests() == 0) {
                Thread.onSpinWait();
            }
            queued.cancel(true);
            big.get();
            assertEquals(0, scorer.waitingRequests(), "the interrupted request left the queue");
            assertEquals(model.predict(slice(all, 3)).expected()[0], scorer.score(slice(all, 3)).expected()[0],
                    "the lane was handed back: a later request runs");
            assertEquals(2, scorer.passes());
        } finally {
            pool.shutdownNow();
        }
    }

    private static EncodedFeatures slice(EncodedFeatures x, int row) {
        return x.rows(row, row + 1);
    }

    private static EncodedFeatures repeat(EncodedFeatures x, int times) {
        return EncodedFeatures.concat(Collections.nCopies(times, x));
    }
}

package io.ltvcascade.api.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static EncodedFeatures slice(EncodedFeatures x, int row) {
        return x.rows(row, row + 1);
    }

    private static EncodedFeatures repeat(EncodedFeatures x, int times) {
        return EncodedFeatures.concat(Collections.nCopies(times, x));
    }
}

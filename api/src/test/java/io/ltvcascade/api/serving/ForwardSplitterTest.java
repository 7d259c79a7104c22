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
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A pass split across cores gives exactly the predictions of the same rows scored in one piece. */
class ForwardSplitterTest {

    private static LtvModel model;
    private static EncodedFeatures rows;

    @BeforeAll
    static void load() {
        model = ModelArtifact.read(TrainedArtifacts.artifact(1), Device.cpu());
        EncodedFeatures csv = model.features().encode(PredictionInput.readCsv(new ByteArrayInputStream(
                TrainedArtifacts.csv().getBytes(StandardCharsets.UTF_8)), "customer_id", model.features()).table());
        rows = EncodedFeatures.concat(Collections.nCopies(Math.max(1, 1000 / csv.rows() + 1), csv)).rows(0, 1000);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void shouldScoreASplitPassExactlyAsOnePiece() {
        ForwardSplitter splitter = new ForwardSplitter(3, 100);
        try {
            assertSame(model.predict(rows), splitter.predict(model, rows));
            assertEquals(1, splitter.splitPasses());
            // below twice the smallest part a pass is not split; other sizes split as exactly
            assertSame(model.predict(rows.rows(0, 150)), splitter.predict(model, rows.rows(0, 150)));
            assertEquals(1, splitter.splitPasses());
            assertSame(model.predict(rows.rows(3, 620)), splitter.predict(model, rows.rows(3, 620)));
            assertEquals(2, splitter.splitPasses());
        } finally {
            splitter.close();
        }
    }

    @Test
    @Timeout(60)
    void shouldScoreThePartsItselfWhenNoHelperIsFree() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService busy = Executors.newSingleThreadExecutor();
        busy.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ForwardSplitter splitter = new ForwardSplitter(4, 100, busy);
        try {
            assertSame(model.predict(rows), splitter.predict(model, rows));
            assertEquals(1, splitter.splitPasses());
        } finally {
            release.countDown();
            splitter.close();
        }
    }

    private static void assertSame(Predictions expected, Predictions actual) {
        assertEquals(expected.size(), actual.size());
        assertArrayEquals(expected.expected(), actual.expected());
        assertArrayEquals(expected.bucket(), actual.bucket());
        assertArrayEquals(expected.payerProbability(), actual.payerProbability());
        assertArrayEquals(expected.highValueConfidence(), actual.highValueConfidence());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.bucketProbabilities()[i], actual.bucketProbabilities()[i], "row " + i);
        }
    }
}

package io.ltvcascade.model.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.ModelConfig;
import io.ltvcascade.model.ccor.ModelTrainer;
import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.ccor.TrainingConfig;
import io.ltvcascade.model.ccor.TrainingResult;
import io.ltvcascade.model.data.DataProblem;
import io.ltvcascade.model.data.DataValidationException;
import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.PredictionInput;
import io.ltvcascade.model.features.PredictionRows;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every scoring path gives the same numbers: one row or many, one thread or several, scored or read back from CSV. */
class ScoringParityTest {

    private static TrainingResult trained;
    private static Table data;

    @BeforeAll
    static void train() {
        data = SyntheticData.generate(2000, 21);
        ModelConfig config = new ModelConfig(null, List.of(32, 16), null, null, null,
                new TrainingConfig(2, 512, null, null, null, null, 5L, null));
        trained = new ModelTrainer(config, r -> {}, () -> false).train(data, data);
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    @Test
    void shouldScoreARowAloneExactlyAsInABatch() {
        LtvModel model = trained.model();
        Predictions all = model.predict(data);
        for (int row : new int[] {0, 7, 1999}) {
            Predictions one = model.predict(data.select(new int[] {row}));
            assertEquals(all.expected()[row], one.expected()[0], "row " + row);
            assertArrayEquals(all.bucketProbabilities()[row], one.bucketProbabilities()[0]);
            assertEquals(all.highValueConfidence()[row], one.highValueConfidence()[0]);
        }
    }

    @Test
    void shouldScoreConcurrentlyAsSequentially() throws Exception {
        LtvModel model = trained.model();
        Predictions sequential = model.predict(data);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Predictions>> parallel = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                parallel.add(pool.submit(() -> model.predict(data)));
            }
            for (Future<Predictions> f : parallel) {
                assertArrayEquals(sequential.expected(), f.get().expected());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldReadBackTheExactDoublesFromStoredBlocks() {
        Predictions p = trained.model().predict(data);
        List<ScoredCustomer> scored = ScoredCustomer.of(data.ids(), p);
        int buckets = trained.model().scheme().buckets();
        List<ScoredCustomer> read = PredictionBlocks.decode(PredictionBlocks.encode(data.ids(), p, buckets), buckets);
        assertEquals(scored.size(), read.size());
        for (int i = 0; i < scored.size(); i++) {
            assertEquals(scored.get(i).expectedLtv(), read.get(i).expectedLtv());
            assertEquals(scored.get(i).pPayer(), read.get(i).pPayer());
            assertArrayEquals(scored.get(i).bucketProbabilities(), read.get(i).bucketProbabilities());
            assertEquals(scored.get(i).highValueConfidence(), read.get(i).highValueConfidence());
        }
    }

    @Test
    void shouldImputeMissingFeaturesAndListIgnoredColumns() {
        String csv = "customer_id,spend,unknown_col\nc0," + data.numbers("spend")[0] + ",x\nc1,,y\n";
        PredictionRows rows = PredictionInput.readCsv(bytes(csv), "customer_id", trained.model().features());
        assertEquals(List.of("unknown_col"), rows.ignoredColumns());
        assertTrue(Double.isNaN(rows.table().numbers("orders")[0]), "absent column is missing");
        assertTrue(Double.isNaN(rows.table().numbers("spend")[1]), "empty cell is missing");
        assertNull(rows.table().texts("channel")[0]);
        Predictions p = trained.model().predict(rows.table());
        assertTrue(IntStream.range(0, 2).allMatch(i -> Double.isFinite(p.expected()[i])));
    }

    @Test
    void shouldNameLineAndColumnOfANonNumericCell() {
        var e = assertThrows(DataValidationException.class, () -> PredictionInput.readCsv(
                bytes("customer_id,spend\nc0,1\nc1,abc\n"), "customer_id", trained.model().features()));
        assertEquals(DataProblem.NOT_NUMERIC, e.problem());
        assertEquals(3L, e.line());
        assertEquals("spend", e.column());
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

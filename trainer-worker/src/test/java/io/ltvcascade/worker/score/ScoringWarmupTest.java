package io.ltvcascade.worker.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltvcascade.model.scoring.PredictionBlocks;
import io.ltvcascade.model.scoring.ScoredCustomer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up warm-up goes through a scoring job's whole per-chunk path: its result blocks hold every row scored. */
class ScoringWarmupTest {

    @Test
    void shouldScoreGeneratedChunksIntoResultBlocks() {
        ScoringWarmup.Results results = ScoringWarmup.scoreGeneratedRows();

        assertEquals(ScoringWarmup.CHUNKS, results.blocks().size());
        for (byte[] block : results.blocks()) {
            List<ScoredCustomer> scored = PredictionBlocks.decode(block, results.buckets());
            assertEquals(PredictionBlocks.CHUNK_ROWS, scored.size());
            assertEquals("c0", scored.get(0).customerId());
            assertTrue(scored.stream().allMatch(c -> Double.isFinite(c.expectedLtv()) && c.expectedLtv() >= 0),
                    "every expected LTV finite and non-negative");
        }
    }
}

package io.ltvcascade.model.ccor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ltvcascade.model.data.SyntheticData;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.EncodedFeatures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A customer's prediction does not depend on the pass it was scored in: alone (an online request), among others
 * (coalesced requests, a split pass) or in a batch job's chunks, to the last bit. Matrix kernels and some elementwise
 * kernels compute a tensor's last rows or elements on another path; padding passes to whole row blocks and using only
 * position-independent operations keeps every row on the same path.
 */
class PassSizeTest {

    @Test
    void shouldScoreEveryRowTheSameWhateverPassItIsIn() {
        Table table = SyntheticData.generate(700, 41);
        try (LtvModel model = UntrainedModels.create(table, ModelConfig.defaults(), 3)) {
            EncodedFeatures x = model.features().encode(table);
            Predictions whole = model.predict(x);
            for (int row = 0; row < 48; row++) {
                assertRows(whole, row, model.predict(x.rows(row, row + 1)), "row " + row + " alone");
            }
            for (int size : new int[] {3, 17, 40, 129}) {
                List<Predictions> parts = new ArrayList<>();
                for (int from = 0; from < x.rows(); from += size) {
                    parts.add(model.predict(x.rows(from, Math.min(x.rows(), from + size))));
                }
                assertRows(whole, 0, Predictions.concat(parts), "passes of " + size + " rows");
            }
        }
    }

    private static void assertRows(Predictions whole, int from, Predictions part, String what) {
        for (int i = 0; i < part.size(); i++) {
            assertEquals(whole.expected()[from + i], part.expected()[i], what + ", row " + i);
            assertArrayEquals(whole.bucketProbabilities()[from + i], part.bucketProbabilities()[i], what + ", row " + i);
            assertEquals(whole.highValueConfidence()[from + i], part.highValueConfidence()[i], what + ", row " + i);
        }
    }
}

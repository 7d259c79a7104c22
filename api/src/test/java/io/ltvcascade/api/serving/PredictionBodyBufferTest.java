package io.ltvcascade.api.serving;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The body buffer covers exactly the three predict endpoints of {@link PredictionResource}. */
class PredictionBodyBufferTest {

    private final Pattern paths = Pattern.compile(PredictionBodyBuffer.PREDICT_PATHS);

    @Test
    void shouldMatchEveryPredictPathAndNothingElse() {
        for (String path : new String[] {"/api/v1/models/ltv/predict", "/api/v1/models/ltv/aliases/champion/predict",
                "/api/v1/models/ltv-2/versions/3/predict"}) {
            assertTrue(paths.matcher(path).matches(), path);
        }
        for (String path : new String[] {"/api/v1/models/ltv/versions/3/artifact", "/api/v1/models/ltv/training-jobs",
                "/api/v1/models/ltv/versions/3/predict/x", "/api/v1/datasets/predict"}) {
            assertFalse(paths.matcher(path).matches(), path);
        }
    }
}

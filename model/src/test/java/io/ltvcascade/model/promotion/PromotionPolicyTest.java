package io.ltvcascade.model.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltvcascade.model.ccor.ModelJson;
import io.ltvcascade.model.metrics.Metric;
import io.ltvcascade.model.metrics.QualityReport;
import io.ltvcascade.model.metrics.QualityReports;
import io.ltvcascade.model.promotion.PromotionDecision.Outcome;
import org.junit.jupiter.api.Test;

class PromotionPolicyTest {

    private static final double[] Y = {0, 0, 1, 2, 5, 9, 20, 40};
    private static final int[] BUCKETS = {0, 0, 1, 1, 1, 2, 2, 2};
    /** Ranks customers in true order: Gini 1. */
    private static final QualityReport PERFECT = report(new double[] {0, 0, 1, 2, 5, 9, 20, 40});
    /** Ranks them backwards. */
    private static final QualityReport REVERSED = report(new double[] {40, 20, 9, 5, 2, 1, 0, 0});

    @Test
    void shouldPromoteWhenBetterByMoreThanTheMargin() {
        PromotionPolicy policy = PromotionPolicy.fromJson(json("{\"mode\":\"beats_champion\",\"metric\":\"normalized_gini\",\"margin\":0.05}"));

        PromotionDecision decision = policy.decide(PERFECT, REVERSED, "v1");

        assertEquals(Outcome.PROMOTED, decision.outcome());
        assertTrue(decision.reason().contains("normalized_gini") && decision.reason().contains("v1"), decision.reason());
    }

    @Test
    void shouldKeepAWorseVersionAsChallengerWithTheReason() {
        PromotionPolicy policy = PromotionPolicy.fromJson(json("{\"mode\":\"beats_champion\",\"metric\":\"normalized_gini\"}"));

        PromotionDecision decision = policy.decide(REVERSED, PERFECT, "v1");

        assertEquals(Outcome.CHALLENGER, decision.outcome());
        assertTrue(decision.reason().contains("not better"), decision.reason());
    }

    @Test
    void shouldNotPromoteAGainWithinTheMargin() {
        PromotionPolicy policy = new PromotionPolicy(PromotionPolicy.Mode.BEATS_CHAMPION, Metric.NORMALIZED_GINI, 10);

        assertEquals(Outcome.CHALLENGER, policy.decide(PERFECT, REVERSED, "v1").outcome());
    }

    @Test
    void shouldCompareLowerIsBetterMetricsTheRightWayRound() {
        PromotionPolicy policy = new PromotionPolicy(PromotionPolicy.Mode.BEATS_CHAMPION, Metric.NMAE, 0);

        assertEquals(Outcome.PROMOTED, policy.decide(PERFECT, REVERSED, "v1").outcome());
        assertEquals(Outcome.CHALLENGER, policy.decide(REVERSED, PERFECT, "v1").outcome());
    }

    @Test
    void shouldPromoteTheFirstVersionAndNeverPromoteUnderNever() {
        PromotionPolicy beats = new PromotionPolicy(PromotionPolicy.Mode.BEATS_CHAMPION, Metric.SPEARMAN, 0);

        assertEquals(Outcome.PROMOTED, beats.decide(REVERSED, null, "none").outcome());
        assertEquals(Outcome.KEPT, PromotionPolicy.fromJson(json("{\"mode\":\"never\"}")).decide(PERFECT, REVERSED, "v1").outcome());
        assertEquals(PromotionPolicy.NEVER, PromotionPolicy.fromJson(null));
    }

    @Test
    void shouldRoundTripItsJsonForm() {
        PromotionPolicy policy = new PromotionPolicy(PromotionPolicy.Mode.BEATS_CHAMPION, Metric.TOP_BUCKET_F1, 0.02);

        assertEquals(policy, PromotionPolicy.fromJson(ModelJson.MAPPER.valueToTree(policy.toJson())));
    }

    @Test
    void shouldNameTheFieldOfAnInvalidPolicy() {
        assertEquals("metric", field("{\"mode\":\"beats_champion\",\"metric\":\"accuracy\"}"));
        assertEquals("metric", field("{\"mode\":\"beats_champion\"}"));
        assertEquals("margin", field("{\"mode\":\"beats_champion\",\"metric\":\"sva\",\"margin\":-1}"));
        assertEquals("margin", field("{\"mode\":\"beats_champion\",\"metric\":\"sva\",\"margin\":\"big\"}"));
        assertEquals("mode", field("{\"mode\":\"sometimes\"}"));
    }

    private static String field(String policy) {
        return assertThrows(InvalidPolicyException.class, () -> PromotionPolicy.fromJson(json(policy))).field();
    }

    private static QualityReport report(double[] predicted) {
        int[] predictedBuckets = new int[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            predictedBuckets[i] = predicted[i] == 0 ? 0 : predicted[i] < 9 ? 1 : 2;
        }
        return QualityReports.evaluate(Y, predicted, BUCKETS, predictedBuckets, 3, 2);
    }

    private static JsonNode json(String text) {
        try {
            return ModelJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

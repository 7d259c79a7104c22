package io.ltvcascade.model.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltvcascade.model.metrics.Metric;
import io.ltvcascade.model.metrics.QualityReport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a retrained version replaces the champion: never, or when it beats the champion on a named metric by more
 * than a margin, both models measured on the new version's held-out rows. Its JSON form is
 * {@code {"mode":"never"}} or {@code {"mode":"beats_champion","metric":"normalized_gini","margin":0.01}}.
 */
public record PromotionPolicy(Mode mode, Metric metric, double margin) {

    /** The two kinds of policy. */
    public enum Mode { NEVER, BEATS_CHAMPION }

    public static final PromotionPolicy NEVER = new PromotionPolicy(Mode.NEVER, null, 0);

    public PromotionPolicy {
        if (mode == Mode.BEATS_CHAMPION && metric == null) {
            throw new InvalidPolicyException("metric", "a beats_champion policy needs a metric");
        }
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new InvalidPolicyException("margin", "margin must be a finite number >= 0, got " + margin);
        }
    }

    /** Reads the JSON form; a missing or null node is {@link #NEVER}. Throws {@link InvalidPolicyException}. */
    public static PromotionPolicy fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NEVER;
        }
        if (!node.isObject()) {
            throw new InvalidPolicyException("", "must be a JSON object");
        }
        String mode = node.path("mode").asText("");
        return switch (mode) {
            case "never" -> NEVER;
            case "beats_champion" -> new PromotionPolicy(Mode.BEATS_CHAMPION, metric(node.get("metric")), margin(node.get("margin")));
            default -> throw new InvalidPolicyException("mode", "mode must be 'never' or 'beats_champion', got '" + mode + "'");
        };
    }

    /** The JSON form, as stored and shown. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", mode.name().toLowerCase(Locale.ROOT));
        if (mode == Mode.BEATS_CHAMPION) {
            json.put("metric", metric.key());
            json.put("margin", margin);
        }
        return json;
    }

    /**
     * Decides for a new version whose report is {@code candidate}, against the champion's report on the same rows
     * ({@code champion} null when the model has no champion); {@code championLabel} names it in the reason.
     */
    public PromotionDecision decide(QualityReport candidate, QualityReport champion, String championLabel) {
        if (mode == Mode.NEVER) {
            return new PromotionDecision(PromotionDecision.Outcome.KEPT, "the policy never promotes");
        }
        if (champion == null) {
            return new PromotionDecision(PromotionDecision.Outcome.PROMOTED, "the model had no champion");
        }
        double mine = metric.of(candidate);
        double theirs = metric.of(champion);
        String comparison = String.format(Locale.ROOT, "%s %.4f against %.4f for the champion (%s) on this version's %d "
                + "held-out customers", metric.key(), mine, theirs, championLabel, candidate.customers());
        if (Double.isNaN(mine) || Double.isNaN(theirs)) {
            return new PromotionDecision(PromotionDecision.Outcome.CHALLENGER, comparison + ": not comparable");
        }
        double gain = metric.improvement(mine, theirs);
        if (gain > margin) {
            return new PromotionDecision(PromotionDecision.Outcome.PROMOTED,
                    comparison + String.format(Locale.ROOT, ": better by %.4f, more than the margin %.4f", gain, margin));
        }
        return new PromotionDecision(PromotionDecision.Outcome.CHALLENGER, comparison + (gain > 0
                ? String.format(Locale.ROOT, ": better by %.4f, not more than the margin %.4f", gain, margin)
                : String.format(Locale.ROOT, ": not better (%+.4f)", gain)));
    }

    private static Metric metric(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new InvalidPolicyException("metric", "metric is required, one of: " + Metric.keys());
        }
        return Metric.byKey(node.asText()).orElseThrow(() -> new InvalidPolicyException("metric",
                "unknown metric '" + node.asText() + "'; one of: " + Metric.keys()));
    }

    private static double margin(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isNumber()) {
            throw new InvalidPolicyException("margin", "margin must be a number");
        }
        return node.asDouble();
    }
}

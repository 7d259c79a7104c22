package io.ltvcascade.model.promotion;

/** What a {@link PromotionPolicy} decided for a new version, and why (a sentence with the numbers compared). */
public record PromotionDecision(Outcome outcome, String reason) {

    /** PROMOTED: made champion; CHALLENGER: kept beside it as challenger; KEPT: aliases untouched (policy never). */
    public enum Outcome { PROMOTED, CHALLENGER, KEPT }
}

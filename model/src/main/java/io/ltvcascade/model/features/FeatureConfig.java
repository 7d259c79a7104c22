package io.ltvcascade.model.features;

/**
 * How the feature pipeline treats columns.
 *
 * @param log1p which numeric columns get log1p before standardising: {@code auto} (non-negative, heavy-tailed
 *     ones: skewness above {@code log1pSkewness}), {@code all} non-negative ones, or {@code none}
 * @param log1pSkewness the skewness above which {@code auto} applies log1p
 * @param maxVocabulary most frequent categories kept per categorical column; the rest share the unknown slot
 */
public record FeatureConfig(String log1p, Double log1pSkewness, Integer maxVocabulary) {

    public static FeatureConfig defaults() {
        return new FeatureConfig(null, null, null);
    }

    public FeatureConfig {
        log1p = log1p == null ? "auto" : log1p;
        log1pSkewness = log1pSkewness == null ? 2.0 : log1pSkewness;
        maxVocabulary = maxVocabulary == null ? 1000 : maxVocabulary;
        if (!log1p.equals("auto") && !log1p.equals("all") && !log1p.equals("none")) {
            throw new IllegalArgumentException("features.log1p must be auto, all or none, got " + log1p);
        }
        if (maxVocabulary < 1) {
            throw new IllegalArgumentException("features.max_vocabulary must be at least 1");
        }
    }
}

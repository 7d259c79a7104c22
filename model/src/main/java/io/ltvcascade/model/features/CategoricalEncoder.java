package io.ltvcascade.model.features;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One categorical column: a vocabulary of its most frequent training values (index 1..n) with slot 0 for unknown
 * or missing values, and the embedding width the network gives it (⌊cardinality^0.25⌋ + 1).
 */
public record CategoricalEncoder(String column, List<String> vocabulary, int embeddingDim) {

    static CategoricalEncoder fit(String column, String[] values, FeatureConfig config) {
        Map<String, Long> counts = new HashMap<>();
        for (String v : values) {
            if (v != null) {
                counts.merge(v, 1L, Long::sum);
            }
        }
        List<String> vocabulary = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(config.maxVocabulary()).map(Map.Entry::getKey).collect(Collectors.toList());
        int dim = (int) Math.floor(Math.pow(vocabulary.size() + 1, 0.25)) + 1;
        return new CategoricalEncoder(column, List.copyOf(vocabulary), dim);
    }

    /** Table size including the unknown slot. */
    public int slots() {
        return vocabulary.size() + 1;
    }

    Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            index.put(vocabulary.get(i), i + 1);
        }
        return index;
    }
}

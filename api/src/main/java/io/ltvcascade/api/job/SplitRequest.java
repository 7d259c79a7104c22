package io.ltvcascade.api.job;

import java.util.List;

/**
 * How a training job splits its dataset: by a numeric fold column ({@code fold_column} with train, validation
 * and test fold lists) or, when no fold column is named, at random by shares (seeded by the job's seed).
 */
public record SplitRequest(
        String foldColumn, List<Integer> trainFolds, List<Integer> validationFolds, List<Integer> testFolds,
        Double trainShare, Double validationShare) {}

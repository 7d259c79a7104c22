package io.ltvcascade.api.job;

/** Body of POST /api/v1/models/{name}/training-jobs: which dataset version, how to split it, which seed. */
public record StartTrainingRequest(Long datasetId, SplitRequest split, Long seed, Integer priority) {}

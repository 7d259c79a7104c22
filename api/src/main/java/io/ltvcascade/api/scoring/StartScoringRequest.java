package io.ltvcascade.api.scoring;

/**
 * Body of POST /api/v1/models/{name}/scoring-jobs: the dataset version to score and the model version to score it
 * with, pinned by {@code version} or through {@code alias} (default {@code champion}, resolved when the job is
 * queued).
 */
public record StartScoringRequest(Long datasetId, Integer version, String alias, Integer priority) {}

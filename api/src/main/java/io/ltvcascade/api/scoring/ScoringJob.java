package io.ltvcascade.api.scoring;

import io.ltvcascade.api.job.QueuedJob;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A row of the scoring queue: a dataset version scored with one model version; its results once it succeeded. */
@Entity
@Table(name = "scoring_jobs")
public class ScoringJob extends QueuedJob {

    public static final String SUCCEEDED = "SUCCEEDED";

    public Long versionId;
    public Long resultRows;
    public Integer resultBuckets;

    static ScoringJob queued(long tenantId, long modelId, long versionId, long datasetId, int priority, int maxAttempts) {
        ScoringJob job = new ScoringJob();
        job.queue(tenantId, modelId, datasetId, priority, maxAttempts, "{}");
        job.versionId = versionId;
        return job;
    }
}

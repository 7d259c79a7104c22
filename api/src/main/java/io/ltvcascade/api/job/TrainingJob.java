package io.ltvcascade.api.job;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of the training queue: a model trained on a dataset version, maybe fired by a retraining schedule. */
@Entity
@Table(name = "training_jobs")
public class TrainingJob extends QueuedJob {

    public Long scheduleId;
    public Instant fireTime;

    static TrainingJob queued(long tenantId, long modelId, long datasetId, int priority, int maxAttempts, String config) {
        TrainingJob job = new TrainingJob();
        job.queue(tenantId, modelId, datasetId, priority, maxAttempts, config);
        return job;
    }
}

package io.ltvcascade.scheduler;

/**
 * What one fire did: ENQUEUED (with the job), SKIPPED or FAILED, with a sentence saying why; DUPLICATE when the fire
 * time was already handled, GONE when the schedule was paused or deleted after its trigger fired (nothing written).
 */
public record FireRecord(Outcome outcome, Long jobId, Long datasetId, String detail) {

    /** The outcomes; ENQUEUED, SKIPPED and FAILED are stored in schedule_fires. */
    public enum Outcome { ENQUEUED, SKIPPED, FAILED, DUPLICATE, GONE }

    @Override
    public String toString() {
        return outcome + (jobId == null ? "" : " job " + jobId) + ": " + detail;
    }
}

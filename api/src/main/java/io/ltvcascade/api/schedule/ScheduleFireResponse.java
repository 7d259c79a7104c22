package io.ltvcascade.api.schedule;

import java.time.Instant;

/**
 * One fire of a schedule: whether it queued a job (and that job's status), was skipped or failed and why; once the
 * job's version exists, the promotion decision on it and the reason with the numbers compared.
 */
public record ScheduleFireResponse(long id, Instant fireTime, String outcome, String detail, Long datasetId, Long jobId,
        String jobStatus, String decision, String decisionReason, Integer version, Instant decidedAt, Instant recordedAt) {}

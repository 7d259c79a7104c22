package io.ltvcascade.scheduler;

/**
 * An enabled schedule as its trigger needs it; {@code revision} (its updated_at) tells when the trigger is out of
 * date.
 */
public record ScheduleRow(long tenantId, long id, String cron, String timeZone, String revision) {}

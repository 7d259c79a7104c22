package io.ltvcascade.scheduler;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.jboss.logging.Logger;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Keeps one Quartz cron trigger per enabled schedule in step with the table: creates missing ones, replaces those
 * whose schedule changed (a new trigger counts from now), and deletes those whose schedule was paused or deleted.
 * Misfires (every node down at fire time) fire once on recovery, however many fire times were missed.
 */
public final class ScheduleTriggers {

    static final String GROUP = "retrain";
    static final String TENANT = "tenantId";
    static final String SCHEDULE = "scheduleId";
    private static final String REVISION = "revision";
    private static final Logger LOG = Logger.getLogger(ScheduleTriggers.class);

    private ScheduleTriggers() {}

    public static void sync(Scheduler quartz, List<ScheduleRow> enabled) throws SchedulerException {
        Set<JobKey> stale = new HashSet<>(quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)));
        for (ScheduleRow row : enabled) {
            JobKey key = jobKey(row.id());
            stale.remove(key);
            Trigger current = quartz.getTrigger(TriggerKey.triggerKey(key.getName(), GROUP));
            if (current == null || !row.revision().equals(current.getJobDataMap().getString(REVISION))) {
                try {
                    schedule(quartz, row, current == null ? "added" : "changed");
                } catch (RuntimeException e) {
                    // one bad row (written around the api's checks) must not stop the other schedules
                    LOG.errorf("%s: cannot schedule cron '%s' in %s: %s", key.getName(), row.cron(), row.timeZone(), e.getMessage());
                }
            }
        }
        for (JobKey key : stale) {
            quartz.deleteJob(key);
            LOG.infof("%s: trigger removed (schedule paused or deleted)", key.getName());
        }
    }

    private static void schedule(Scheduler quartz, ScheduleRow row, String why) throws SchedulerException {
        JobKey key = jobKey(row.id());
        JobDetail job = JobBuilder.newJob(EnqueueRetrainingJob.class).withIdentity(key)
                // job data is stored as text (Quartz's useProperties): no Java serialisation in the database
                .usingJobData(TENANT, Long.toString(row.tenantId())).usingJobData(SCHEDULE, Long.toString(row.id())).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key.getName(), GROUP).forJob(key)
                .usingJobData(REVISION, row.revision())
                .withSchedule(CronScheduleBuilder.cronSchedule(row.cron())
                        .inTimeZone(TimeZone.getTimeZone(ZoneId.of(row.timeZone())))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        quartz.scheduleJob(job, Set.of(trigger), true);
        Trigger stored = quartz.getTrigger(trigger.getKey());
        LOG.infof("%s (tenant %d): trigger %s, cron '%s' in %s, next fire %s", key.getName(), row.tenantId(), why,
                row.cron(), row.timeZone(), stored == null || stored.getNextFireTime() == null ? "none"
                        : stored.getNextFireTime().toInstant());
    }

    private static JobKey jobKey(long scheduleId) {
        return JobKey.jobKey("schedule-" + scheduleId, GROUP);
    }
}

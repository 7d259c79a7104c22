package io.ltvcascade.scheduler;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * The Quartz job of one schedule's trigger: records the fire and queues a training job for it. The fire is keyed by
 * its scheduled time, so a fire handled twice (a node that died mid-fire, two replicas) queues one job.
 */
@Dependent
@Unremovable
public class EnqueueRetrainingJob implements Job {

    private static final Logger LOG = Logger.getLogger(EnqueueRetrainingJob.class);

    private final RetrainingFires fires;

    public EnqueueRetrainingJob(RetrainingFires fires) {
        this.fires = fires;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        long tenantId = data.getLongValueFromString(ScheduleTriggers.TENANT);
        long scheduleId = data.getLongValueFromString(ScheduleTriggers.SCHEDULE);
        Instant fireTime = context.getScheduledFireTime().toInstant();
        try {
            FireRecord fire = fires.fire(tenantId, scheduleId, fireTime);
            LOG.infof("schedule %d (tenant %d) fire %s: %s", scheduleId, tenantId, fireTime, fire);
        } catch (RuntimeException e) {
            // not refired at once (a database that is down would make that a busy loop): the next fire time tries again
            LOG.errorf(e, "schedule %d (tenant %d) fire %s failed and queued nothing; the next fire tries again",
                    scheduleId, tenantId, fireTime);
            throw new JobExecutionException(e, false);
        }
    }
}

package io.ltvcascade.scheduler;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.jboss.logging.Logger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/** At start, makes sure the cluster has the repeating trigger of {@link SyncSchedulesJob} at the configured interval. */
@ApplicationScoped
public class SyncRegistration {

    private static final JobKey KEY = JobKey.jobKey("sync-schedules", "ltv");
    private static final Logger LOG = Logger.getLogger(SyncRegistration.class);

    void onStart(@Observes StartupEvent event, Scheduler quartz, SchedulerConfig config) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(SyncSchedulesJob.class).withIdentity(KEY).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(KEY.getName(), KEY.getGroup()).forJob(KEY).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(config.syncInterval().toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            // replacing restarts the interval on every start: a changed interval takes effect, nothing is lost
            quartz.scheduleJob(job, Set.of(trigger), true);
        } catch (ObjectAlreadyExistsException e) {
            LOG.debug("another scheduler node registered the sync job at the same moment");
        }
        LOG.infof("schedule triggers follow the retrain_schedules table every %s (scheduler %s, node %s)",
                config.syncInterval(), quartz.getSchedulerName(), quartz.getSchedulerInstanceId());
    }
}

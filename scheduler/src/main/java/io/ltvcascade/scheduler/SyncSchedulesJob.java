package io.ltvcascade.scheduler;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/** The Quartz job that brings the triggers in step with the table; one node of the cluster runs it at a time. */
@Dependent
@Unremovable
@DisallowConcurrentExecution
public class SyncSchedulesJob implements Job {

    private static final Logger LOG = Logger.getLogger(SyncSchedulesJob.class);

    private final ScheduleTable table;

    public SyncSchedulesJob(ScheduleTable table) {
        this.table = table;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            ScheduleTriggers.sync(context.getScheduler(), table.enabled());
        } catch (SchedulerException | SQLException e) {
            // the next run tries again; a database that is down shows here until it is back
            LOG.errorf(e, "syncing schedule triggers failed; retried in the next sync");
            throw new JobExecutionException(e, false);
        }
    }
}

package io.ltvcascade.scheduler;

import io.ltvcascade.embeddeddb.DatabaseTarget;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logging.Logger;

/**
 * Entry point of a scheduler node: Quartz on the platform's PostgreSQL ({@code LTV_DB_URL}, as for the api). Run as
 * many as you like; the clustered job store fires each trigger on one of them. Started by the api as a child
 * process in the run command, it stops when its parent ({@code LTV_PARENT_PID}) is gone.
 */
@QuarkusMain
public final class SchedulerMain {

    private static final Logger LOG = Logger.getLogger(SchedulerMain.class);

    private SchedulerMain() {}

    public static void main(String... args) {
        DatabaseTarget database = DatabaseTarget.external(System.getenv()).orElse(null);
        if (database == null) {
            LOG.error("the scheduler needs the platform's database: set LTV_DB_URL (and LTV_DB_USER, LTV_DB_PASSWORD); "
                    + "the run command starts it beside the api with these set");
            System.exit(2);
        }
        database.publishAsQuarkusDatasource();
        ParentWatch.exitWhenParentEnds(System.getenv("LTV_PARENT_PID"));
        Quarkus.run(args);
    }
}

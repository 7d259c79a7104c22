package io.ltvcascade.scheduler;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the scheduler ({@code ltv.scheduler.*}). */
@ConfigMapping(prefix = "ltv.scheduler")
public interface SchedulerConfig {

    /** How often the triggers are brought in step with the retrain_schedules table (the delay before a change counts). */
    @WithDefault("2s")
    Duration syncInterval();
}

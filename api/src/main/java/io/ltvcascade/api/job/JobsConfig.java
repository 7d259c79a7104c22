package io.ltvcascade.api.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings for training jobs ({@code ltv.jobs.*}). */
@ConfigMapping(prefix = "ltv.jobs")
public interface JobsConfig {

    /** Attempts a job gets (first run plus retries after failures or dead workers) before it fails for good. */
    @WithDefault("3")
    int maxAttempts();
}

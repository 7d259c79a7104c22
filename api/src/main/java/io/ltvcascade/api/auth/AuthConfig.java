package io.ltvcascade.api.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings for authentication ({@code ltv.auth.*}). */
@ConfigMapping(prefix = "ltv.auth")
public interface AuthConfig {

    /**
     * Seconds a verified key is trusted without reading it again (0 = read every request). A key revoked or a tenant
     * suspended through this replica is forgotten at once; other replicas see it within this time.
     */
    @WithDefault("5")
    int keyCacheSeconds();
}

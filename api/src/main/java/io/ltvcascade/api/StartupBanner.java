package io.ltvcascade.api;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Prints where the platform answers once it is up. */
public class StartupBanner {

    private final int port;

    public StartupBanner(@ConfigProperty(name = "quarkus.http.port") int port) {
        this.port = port;
    }

    void onStart(@Observes StartupEvent event) {
        String base = "http://localhost:" + port;
        Log.infof("%n%n  LTV Cascade is up%n"
                + "    API          %s/api/v1%n"
                + "    OpenAPI      %s/q/openapi%n"
                + "    Swagger UI   %s/q/swagger-ui%n"
                + "    Console      %s/console/%n"
                + "    Health       %s/q/health%n"
                + "    Metrics      %s/q/metrics%n"
                + "  Press Ctrl-C to stop.%n", base, base, base, base, base, base);
    }
}

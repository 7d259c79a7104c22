package io.ltvcascade.api.serving;

import ai.djl.engine.Engine;
import io.ltvcascade.model.ccor.DjlRuntime;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Starts the PyTorch engine while the api starts (unpacking libtorch takes seconds the first time), so that the
 * first predict request does not pay for it. A failure leaves the rest of the API up and says what scoring lacks.
 */
@ApplicationScoped
public class EngineWarmup {

    void onStart(@Observes StartupEvent event) {
        try {
            DjlRuntime.configure();
            Engine engine = Engine.getInstance();
            Log.infof("scoring engine ready: %s %s", engine.getEngineName(), engine.getVersion());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            Log.errorf(e, "the PyTorch engine did not start; predict requests will fail until the api is restarted "
                    + "with a working libtorch");
        }
    }
}

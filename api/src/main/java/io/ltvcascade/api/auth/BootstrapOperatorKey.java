package io.ltvcascade.api.auth;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure an operator key exists at start: the one in {@code LTV_ADMIN_KEY} when set, else a generated one,
 * printed once on the first start (only its hash is stored).
 */
public class BootstrapOperatorKey {

    private final ApiKeyRepository keys;
    private final ApiKeyService keyService;
    private final Optional<String> configuredKey;

    public BootstrapOperatorKey(ApiKeyRepository keys, ApiKeyService keyService,
            @ConfigProperty(name = "ltv.admin-key") Optional<String> configuredKey) {
        this.keys = keys;
        this.keyService = keyService;
        this.configuredKey = configuredKey;
    }

    // runs before the startup banner, so the key is printed above the URLs
    void onStart(@Observes @Priority(1) StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::ensureOperatorKey);
    }

    private void ensureOperatorKey() {
        if (configuredKey.isPresent()) {
            String key = configuredKey.get().trim();
            if (KeySecrets.prefixOf(key).isEmpty()) {
                throw new IllegalStateException("LTV_ADMIN_KEY must look like ltv_<12 hex digits>_<secret of 16+ chars>; "
                        + "leave it unset to have one generated");
            }
            if (keys.findByPrefix(KeySecrets.prefixOf(key).get()).isEmpty()) {
                keyService.store(null, "bootstrap (LTV_ADMIN_KEY)", key, EnumSet.of(Scope.OPERATOR));
            }
            Log.info("operator key: the one in LTV_ADMIN_KEY");
            return;
        }
        if (keys.activeOperatorKeyExists()) {
            Log.info("operator key: the one printed at the first start (only its hash is stored)");
            return;
        }
        String key = KeySecrets.generate();
        keyService.store(null, "bootstrap (generated)", key, EnumSet.of(Scope.OPERATOR));
        Log.infof("%n%n  Operator (admin) API key, shown only this once:%n%n    %s%n%n"
                + "  Send it as 'Authorization: Bearer <key>' to create tenants and their keys.%n", key);
    }
}

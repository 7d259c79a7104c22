package io.ltvcascade.api.serving;

import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.features.PredictionRows;
import io.ltvcascade.model.scoring.ScoredCustomer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Online scoring: resolve the addressed version, take it from the cache, read the customers, score them. */
@ApplicationScoped
public class PredictionService {

    private final ServingTargets targets;
    private final ModelCache cache;
    private final ArtifactLoader loader;
    private final PredictionRequestReader reader;
    private final ServingConfig config;

    public PredictionService(ServingTargets targets, ModelCache cache, ArtifactLoader loader,
            PredictionRequestReader reader, ServingConfig config) {
        this.targets = targets;
        this.cache = cache;
        this.loader = loader;
        this.reader = reader;
        this.config = config;
    }

    public PredictionResponse byAlias(String model, String alias, String contentType, InputStream body) {
        return predict(targets.byAlias(model, alias), contentType, body);
    }

    public PredictionResponse byVersion(String model, int version, String contentType, InputStream body) {
        return predict(targets.byNumber(model, version), contentType, body);
    }

    private PredictionResponse predict(ServedVersion version, String contentType, InputStream body) {
        byte[] bytes = readBounded(body);
        LoadedModel model = cache.acquire(version.versionId(), id -> loader.load(version));
        try {
            PredictionRows rows = reader.read(contentType, bytes, model.layout());
            if (rows.table().rows() > config.maxCustomers()) {
                throw ProblemException.tooLarge("the request holds " + rows.table().rows() + " customers; at most "
                        + config.maxCustomers() + " per request (use a batch scoring job for more)");
            }
            Predictions p = model.predict(rows.table());
            return new PredictionResponse(version.modelName(), version.version(), version.alias(),
                    ScoredCustomer.of(rows.table().ids(), p), warnings(rows));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "unavailable", "Service unavailable",
                    "the server is shutting down; retry on another replica", Map.of());
        } finally {
            model.release();
        }
    }

    private byte[] readBounded(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(config.maxBodyBytes() + 1);
            if (bytes.length > config.maxBodyBytes()) {
                throw ProblemException.tooLarge("the request body exceeds " + config.maxBodyBytes() + " bytes; use a "
                        + "batch scoring job for large sets of customers");
            }
            return bytes;
        } catch (IOException e) {
            // usually a client that closed its connection mid-request: nothing was scored, nothing to log as an error
            throw ProblemException.badRequest("the request body could not be read: " + e.getMessage());
        }
    }

    private static List<PredictionResponse.Warning> warnings(PredictionRows rows) {
        List<PredictionResponse.Warning> warnings = new ArrayList<>(0);
        if (!rows.ignoredColumns().isEmpty()) {
            warnings.add(new PredictionResponse.Warning("ignored-columns",
                    "these columns are not features of this model and were ignored", rows.ignoredColumns(), null));
        }
        List<String> repeated = repeated(rows.table().ids());
        if (!repeated.isEmpty()) {
            warnings.add(new PredictionResponse.Warning("repeated-customer-ids", "these customer ids appear more than "
                    + "once in the request; each row was scored as sent", null, repeated));
        }
        return warnings;
    }

    /** Ids that occur more than once, in order of their first repetition. */
    private static List<String> repeated(String[] ids) {
        if (ids.length < 2) {
            return List.of();
        }
        Set<String> seen = new HashSet<>(ids.length * 2);
        Set<String> repeated = new LinkedHashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                repeated.add(id);
            }
        }
        return List.copyOf(repeated);
    }
}

package io.ltvcascade.api.model;

import io.ltvcascade.api.audit.AuditService;
import io.ltvcascade.api.auth.Caller;
import io.ltvcascade.api.common.Json;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.model.ccor.ModelConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/** Creates, lists and finds a tenant's models. */
@ApplicationScoped
public class ModelService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final ModelRepository models;
    private final AuditService audit;
    private final Caller caller;
    private final Json json;

    public ModelService(ModelRepository models, AuditService audit, Caller caller, Json json) {
        this.models = models;
        this.audit = audit;
        this.caller = caller;
        this.json = json;
    }

    @Transactional
    public ModelResponse create(CreateModelRequest request) {
        long tenant = caller.tenantId();
        if (request == null || request.name() == null || !NAME.matcher(request.name()).matches()) {
            throw ProblemException.badRequest("name must be 1-128 letters, digits, dots, dashes or underscores",
                    "field", "name");
        }
        ModelConfig config = ModelConfigs.validated(request.modelType(), request.config());
        if (models.findByName(tenant, request.name()).isPresent()) {
            throw ProblemException.conflict("a model named '" + request.name() + "' already exists");
        }
        Model model = new Model();
        model.tenantId = tenant;
        model.name = request.name();
        model.config = ModelConfigs.toJson(config);
        model.modelType = config.modelType();
        model.createdAt = Instant.now();
        models.persistAndFlush(model);
        audit.record(tenant, "model.create", "model", model.id, Map.of("name", model.name, "type", model.modelType));
        return ModelResponse.from(model, json);
    }

    public Page<ModelResponse> list(PageRequest page) {
        return Page.of(models.page(caller.tenantId(), page), page, m -> m.id, m -> ModelResponse.from(m, json));
    }

    public ModelResponse get(String name) {
        return ModelResponse.from(find(name), json);
    }

    /** The caller's model of that name; other tenants' models look absent. */
    public Model find(String name) {
        return models.findByName(caller.tenantId(), name).orElseThrow(() -> ProblemException.notFound("model", name));
    }
}

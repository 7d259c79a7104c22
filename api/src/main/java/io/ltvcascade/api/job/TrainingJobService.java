package io.ltvcascade.api.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltvcascade.api.audit.AuditService;
import io.ltvcascade.api.auth.Caller;
import io.ltvcascade.api.common.Json;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.api.dataset.Dataset;
import io.ltvcascade.api.dataset.DatasetService;
import io.ltvcascade.api.model.Model;
import io.ltvcascade.api.model.ModelRepository;
import io.ltvcascade.api.model.ModelService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/** Queues training jobs for a model on a dataset version, lists and shows them, and cancels them. */
@ApplicationScoped
public class TrainingJobService {

    private final TrainingJobRepository jobs;
    private final ModelService modelService;
    private final ModelRepository models;
    private final DatasetService datasets;
    private final JobsConfig config;
    private final AuditService audit;
    private final Caller caller;
    private final Json json;

    public TrainingJobService(TrainingJobRepository jobs, ModelService modelService, ModelRepository models,
            DatasetService datasets, JobsConfig config, AuditService audit, Caller caller, Json json) {
        this.jobs = jobs;
        this.modelService = modelService;
        this.models = models;
        this.datasets = datasets;
        this.config = config;
        this.audit = audit;
        this.caller = caller;
        this.json = json;
    }

    @Transactional
    public TrainingJobResponse start(String modelName, StartTrainingRequest request) {
        Model model = modelService.find(modelName);
        if (request == null || request.datasetId() == null) {
            throw ProblemException.unprocessable("invalid-training-job", "dataset_id is required", "field", "dataset_id");
        }
        Dataset dataset = datasets.find(request.datasetId());
        SplitRequest split = Splits.validated(request.split(), datasets.schemaOf(dataset));
        TrainingJob job = TrainingJob.queued(caller.tenantId(), model.id, dataset.id,
                request.priority() == null ? 0 : request.priority(), config.maxAttempts(),
                json.write(JobConfigs.of(json.read(model.config, JsonNode.class), split, request.seed())));
        jobs.persistAndFlush(job);
        audit.record(job.tenantId, "training-job.start", "training-job", job.id,
                Map.of("model", model.name, "dataset_id", dataset.id));
        return TrainingJobResponse.from(job, model.name, json);
    }

    public Page<TrainingJobResponse> list(String modelName, PageRequest page) {
        Long modelId = modelName == null ? null : modelService.find(modelName).id;
        return Page.of(jobs.page(caller.tenantId(), modelId, page), page, j -> j.id, this::toResponse);
    }

    public TrainingJobResponse get(long id) {
        return toResponse(find(id));
    }

    /** A queued job is cancelled at once; a running one is flagged and its worker stops at the next batch. */
    @Transactional
    public TrainingJobResponse cancel(long id) {
        TrainingJob job = find(id);
        job.requestCancel("training job");
        audit.record(job.tenantId, "training-job.cancel", "training-job", job.id, Map.of("status", job.status));
        return toResponse(job);
    }

    private TrainingJob find(long id) {
        return jobs.findForTenant(caller.tenantId(), id).orElseThrow(() -> ProblemException.notFound("training job", id));
    }

    private TrainingJobResponse toResponse(TrainingJob job) {
        return TrainingJobResponse.from(job, models.findById(job.modelId).name, json);
    }
}

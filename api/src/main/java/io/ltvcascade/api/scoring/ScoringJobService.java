package io.ltvcascade.api.scoring;

import io.ltvcascade.api.audit.AuditService;
import io.ltvcascade.api.auth.Caller;
import io.ltvcascade.api.common.Json;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.api.dataset.Dataset;
import io.ltvcascade.api.dataset.DatasetService;
import io.ltvcascade.api.job.JobsConfig;
import io.ltvcascade.api.model.Model;
import io.ltvcascade.api.model.ModelService;
import io.ltvcascade.api.serving.ServedVersion;
import io.ltvcascade.api.serving.ServingTargets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Queues batch scoring jobs (a dataset version scored with a model version), lists, shows and cancels them. */
@ApplicationScoped
public class ScoringJobService {

    private final ScoringJobRepository jobs;
    private final ModelService models;
    private final ServingTargets targets;
    private final DatasetService datasets;
    private final JobsConfig config;
    private final AuditService audit;
    private final Caller caller;
    private final EntityManager em;
    private final Json json;

    public ScoringJobService(ScoringJobRepository jobs, ModelService models, ServingTargets targets,
            DatasetService datasets, JobsConfig config, AuditService audit, Caller caller, EntityManager em, Json json) {
        this.jobs = jobs;
        this.models = models;
        this.targets = targets;
        this.datasets = datasets;
        this.config = config;
        this.audit = audit;
        this.caller = caller;
        this.em = em;
        this.json = json;
    }

    @Transactional
    public ScoringJobResponse start(String modelName, StartScoringRequest request) {
        Model model = models.find(modelName);
        if (request == null || request.datasetId() == null) {
            throw ProblemException.unprocessable("invalid-scoring-job", "dataset_id is required", "field", "dataset_id");
        }
        if (request.version() != null && request.alias() != null) {
            throw ProblemException.unprocessable("invalid-scoring-job", "give version or alias, not both", "field", "alias");
        }
        Dataset dataset = datasets.find(request.datasetId());
        ServedVersion version = request.version() != null ? targets.byNumber(model.name, request.version())
                : targets.byAlias(model.name, request.alias() == null ? "champion" : request.alias());
        ScoringJob job = ScoringJob.queued(caller.tenantId(), model.id, version.versionId(), dataset.id,
                request.priority() == null ? 0 : request.priority(), config.maxAttempts());
        jobs.persistAndFlush(job);
        audit.record(job.tenantId, "scoring-job.start", "scoring-job", job.id,
                Map.of("model", model.name, "version", version.version(), "dataset_id", dataset.id));
        return ScoringJobResponse.from(job, model.name, version.version(), json);
    }

    public Page<ScoringJobResponse> list(PageRequest page) {
        List<ScoringJob> rows = jobs.page(caller.tenantId(), page);
        Map<Long, VersionLabel> labels = labels(caller.tenantId(), rows.stream().map(j -> j.versionId).distinct().toList());
        return Page.of(rows, page, j -> j.id, j -> labels.get(j.versionId).response(j, json));
    }

    public ScoringJobResponse get(long id) {
        return toResponse(find(id));
    }

    @Transactional
    public ScoringJobResponse cancel(long id) {
        ScoringJob job = find(id);
        job.requestCancel("scoring job");
        audit.record(job.tenantId, "scoring-job.cancel", "scoring-job", job.id, Map.of("status", job.status));
        return toResponse(job);
    }

    /** The caller's job, which must have succeeded for its results to be read. */
    ScoringJob succeeded(long id) {
        ScoringJob job = find(id);
        if (!ScoringJob.SUCCEEDED.equals(job.status)) {
            String state = job.status.toLowerCase(java.util.Locale.ROOT);
            throw ProblemException.conflict("scoring job " + id + " is " + state + "; results exist once it has succeeded"
                    + (job.error == null ? "" : " (" + job.error + ")"));
        }
        return job;
    }

    private ScoringJob find(long id) {
        return jobs.findForTenant(caller.tenantId(), id).orElseThrow(() -> ProblemException.notFound("scoring job", id));
    }

    private ScoringJobResponse toResponse(ScoringJob job) {
        return labels(job.tenantId, List.of(job.versionId)).get(job.versionId).response(job, json);
    }

    /** Model name and version number of each version id, in one query for a whole page. */
    private Map<Long, VersionLabel> labels(long tenantId, List<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT v.id, m.name, v.version FROM model_versions v "
                        + "JOIN models m ON m.tenant_id = v.tenant_id AND m.id = v.model_id "
                        + "WHERE v.tenant_id = ?1 AND v.id = ANY(?2)")
                .setParameter(1, tenantId).setParameter(2, versionIds.toArray(new Long[0])).getResultList();
        Map<Long, VersionLabel> labels = new HashMap<>();
        rows.forEach(r -> labels.put(((Number) r[0]).longValue(), new VersionLabel((String) r[1], ((Number) r[2]).intValue())));
        return labels;
    }

    private record VersionLabel(String model, int version) {
        ScoringJobResponse response(ScoringJob job, Json json) {
            return ScoringJobResponse.from(job, model, version, json);
        }
    }
}

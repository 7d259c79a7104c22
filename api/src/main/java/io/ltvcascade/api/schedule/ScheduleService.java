package io.ltvcascade.api.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvcascade.api.audit.AuditService;
import io.ltvcascade.api.auth.Caller;
import io.ltvcascade.api.common.Json;
import io.ltvcascade.api.common.JsonMergePatch;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.api.job.SplitRequest;
import io.ltvcascade.api.model.Model;
import io.ltvcascade.api.model.ModelRepository;
import io.ltvcascade.api.model.ModelService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Retraining schedules of the caller's models: create, change (JSON merge patch), pause, resume, delete, list, and
 * their history. The scheduler picks every change up from the table (by {@code updated_at}) without a restart.
 */
@ApplicationScoped
public class ScheduleService {

    private final RetrainScheduleRepository schedules;
    private final ScheduleValidator validator;
    private final ScheduleFires fires;
    private final ModelService modelService;
    private final ModelRepository models;
    private final AuditService audit;
    private final Caller caller;
    private final Json json;
    private final ObjectMapper mapper;

    public ScheduleService(RetrainScheduleRepository schedules, ScheduleValidator validator, ScheduleFires fires,
            ModelService modelService, ModelRepository models, AuditService audit, Caller caller, Json json,
            ObjectMapper mapper) {
        this.schedules = schedules;
        this.validator = validator;
        this.fires = fires;
        this.modelService = modelService;
        this.models = models;
        this.audit = audit;
        this.caller = caller;
        this.json = json;
        this.mapper = mapper;
    }

    @Transactional
    public ScheduleResponse create(ScheduleRequest request) {
        if (request == null || request.model() == null) {
            throw ProblemException.unprocessable("invalid-schedule", "model is required", "field", "model");
        }
        Model model = modelService.find(request.model());
        RetrainSchedule schedule = new RetrainSchedule();
        schedule.tenantId = caller.tenantId();
        schedule.modelId = model.id;
        validator.apply(request, model, schedule);
        schedule.createdAt = Instant.now();
        schedule.updatedAt = schedule.createdAt;
        schedules.persistAndFlush(schedule);
        audit.record(schedule.tenantId, "schedule.create", "schedule", schedule.id,
                Map.of("model", model.name, "cron", schedule.cron, "time_zone", schedule.timeZone));
        return ScheduleResponse.from(schedule, model.name, json);
    }

    /** Applies a JSON merge patch to the schedule's request form and checks the result like a new schedule. */
    @Transactional
    public ScheduleResponse update(long id, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object (a merge patch of the schedule)");
        }
        RetrainSchedule schedule = find(id);
        Model model = models.findById(schedule.modelId);
        ScheduleRequest request = patched(asRequest(schedule, model), patch);
        if (!model.name.equals(request.model())) {
            throw ProblemException.unprocessable("invalid-schedule", "a schedule's model cannot change; create a "
                    + "schedule for the other model", "field", "model");
        }
        validator.apply(request, model, schedule);
        schedule.updatedAt = Instant.now();
        audit.record(schedule.tenantId, "schedule.update", "schedule", schedule.id, Map.of("patch", patch));
        return ScheduleResponse.from(schedule, model.name, json);
    }

    @Transactional
    public ScheduleResponse setEnabled(long id, boolean enabled) {
        RetrainSchedule schedule = find(id);
        if (schedule.enabled != enabled) {
            schedule.enabled = enabled;
            schedule.updatedAt = Instant.now();
            audit.record(schedule.tenantId, enabled ? "schedule.resume" : "schedule.pause", "schedule", schedule.id, Map.of());
        }
        return toResponse(schedule);
    }

    /** Deletes the schedule and its history; jobs it queued stay, still naming it. */
    @Transactional
    public void delete(long id) {
        RetrainSchedule schedule = find(id);
        schedules.delete(schedule);
        audit.record(schedule.tenantId, "schedule.delete", "schedule", schedule.id, Map.of());
    }

    public Page<ScheduleResponse> list(String modelName, PageRequest page) {
        Long modelId = modelName == null ? null : modelService.find(modelName).id;
        return Page.of(schedules.page(caller.tenantId(), modelId, page), page, s -> s.id, this::toResponse);
    }

    public ScheduleResponse get(long id) {
        return toResponse(find(id));
    }

    public Page<ScheduleFireResponse> history(long id, PageRequest page) {
        RetrainSchedule schedule = find(id);
        return Page.of(fires.page(schedule.tenantId, schedule.id, page), page, ScheduleFireResponse::id, f -> f);
    }

    private RetrainSchedule find(long id) {
        return schedules.findForTenant(caller.tenantId(), id).orElseThrow(() -> ProblemException.notFound("schedule", id));
    }

    private ScheduleResponse toResponse(RetrainSchedule schedule) {
        return ScheduleResponse.from(schedule, models.findById(schedule.modelId).name, json);
    }

    private ScheduleRequest asRequest(RetrainSchedule s, Model model) {
        JsonNode jobConfig = json.read(s.jobConfig, JsonNode.class);
        return new ScheduleRequest(model.name, s.cron, s.timeZone, s.datasetName, s.datasetVersion,
                s.configOverride == null ? null : json.read(s.configOverride, JsonNode.class),
                mapper.convertValue(jobConfig.get("split"), SplitRequest.class),
                json.read(s.promotionPolicy, JsonNode.class), s.forceRetrain, s.enabled);
    }

    private ScheduleRequest patched(ScheduleRequest current, JsonNode patch) {
        try {
            return mapper.treeToValue(JsonMergePatch.apply(mapper.valueToTree(current), patch), ScheduleRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw ProblemException.badRequest("the patched schedule is not readable: " + message);
        }
    }
}

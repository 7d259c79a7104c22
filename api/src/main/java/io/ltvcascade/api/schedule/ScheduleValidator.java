package io.ltvcascade.api.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltvcascade.api.auth.Caller;
import io.ltvcascade.api.common.Json;
import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.api.dataset.Dataset;
import io.ltvcascade.api.dataset.DatasetRepository;
import io.ltvcascade.api.dataset.DatasetService;
import io.ltvcascade.api.job.JobConfigs;
import io.ltvcascade.api.job.SplitRequest;
import io.ltvcascade.api.job.Splits;
import io.ltvcascade.api.model.Model;
import io.ltvcascade.api.model.ModelConfigs;
import io.ltvcascade.model.promotion.InvalidPolicyException;
import io.ltvcascade.model.promotion.PromotionPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** Checks a schedule request field by field (422 naming the field) and writes the checked values into a schedule. */
@ApplicationScoped
class ScheduleValidator {

    private final DatasetRepository datasets;
    private final DatasetService datasetService;
    private final Caller caller;
    private final Json json;

    ScheduleValidator(DatasetRepository datasets, DatasetService datasetService, Caller caller, Json json) {
        this.datasets = datasets;
        this.datasetService = datasetService;
        this.caller = caller;
        this.json = json;
    }

    void apply(ScheduleRequest request, Model model, RetrainSchedule target) {
        String zone = zone(request.timeZone());
        target.cron = cron(request.cron(), zone);
        target.timeZone = zone;
        Dataset dataset = dataset(request.datasetName(), request.datasetVersion());
        target.datasetName = dataset.name;
        target.datasetVersion = request.datasetVersion();
        SplitRequest split = Splits.validated(request.split(), datasetService.schemaOf(dataset));
        String modelConfig = ModelConfigs.withOverride(model, request.configOverride(), "config_override");
        target.configOverride = request.configOverride() == null || request.configOverride().isNull() ? null
                : json.write(request.configOverride());
        target.jobConfig = json.write(JobConfigs.of(json.read(modelConfig, JsonNode.class), split, null));
        target.promotionPolicy = json.write(policy(request.promotionPolicy()).toJson());
        target.forceRetrain = Boolean.TRUE.equals(request.forceRetrain());
        target.enabled = !Boolean.FALSE.equals(request.enabled());
    }

    /** The expression's next fire time after now in its zone; null when it never fires again. */
    static Date nextFireTime(String cron, String zone) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(ZoneId.of(zone)));
            return expression.getNextValidTimeAfter(new Date());
        } catch (ParseException e) {
            throw new IllegalStateException("stored cron expression " + cron + " does not parse", e);
        }
    }

    private static String zone(String zone) {
        String name = zone == null ? "UTC" : zone;
        try {
            return ZoneId.of(name).getId();
        } catch (DateTimeException e) {
            throw invalid("time_zone", "unknown time zone '" + name + "'; use a region id such as Europe/Berlin or UTC");
        }
    }

    private static String cron(String cron, String zone) {
        if (cron == null || cron.isBlank()) {
            throw invalid("cron", "cron is required: a Quartz cron expression, seconds first, e.g. '0 0 3 * * ?'");
        }
        try {
            new CronExpression(cron);
        } catch (ParseException e) {
            throw invalid("cron", "cron '" + cron + "' is not a valid Quartz cron expression (seconds minutes hours "
                    + "day-of-month month day-of-week [year]): " + e.getMessage());
        }
        if (nextFireTime(cron, zone) == null) {
            throw invalid("cron", "cron '" + cron + "' never fires after now");
        }
        return cron;
    }

    private Dataset dataset(String name, Integer version) {
        if (name == null || name.isBlank()) {
            throw invalid("dataset_name", "dataset_name is required");
        }
        return datasets.findReady(caller.tenantId(), name, version).orElseThrow(() -> invalid(
                version == null ? "dataset_name" : "dataset_version", version == null
                        ? "there is no dataset named '" + name + "'; upload it first"
                        : "dataset '" + name + "' has no version " + version));
    }

    private static PromotionPolicy policy(JsonNode policy) {
        try {
            return PromotionPolicy.fromJson(policy);
        } catch (InvalidPolicyException e) {
            String field = e.field().isEmpty() ? "promotion_policy" : "promotion_policy." + e.field();
            throw invalid(field, "promotion_policy is invalid: " + e.getMessage());
        }
    }

    private static ProblemException invalid(String field, String detail) {
        return ProblemException.unprocessable("invalid-schedule", detail, "field", field);
    }
}

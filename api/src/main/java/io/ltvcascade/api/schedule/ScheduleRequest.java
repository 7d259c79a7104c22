package io.ltvcascade.api.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltvcascade.api.job.SplitRequest;

/**
 * Body of POST /api/v1/schedules (and, after a merge patch, of PATCH): the model, a Quartz cron expression
 * (seconds first, e.g. {@code 0 0 3 * * ?}) in {@code time_zone} (default UTC), the dataset by name and optionally a
 * fixed version (else its latest version at fire time), a partial model config merged over the model's, the split,
 * the promotion policy, whether to retrain on unchanged data, and whether the schedule is enabled.
 */
public record ScheduleRequest(String model, String cron, String timeZone, String datasetName, Integer datasetVersion,
        JsonNode configOverride, SplitRequest split, JsonNode promotionPolicy, Boolean forceRetrain, Boolean enabled) {}

package io.ltvcascade.api.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltvcascade.api.common.Json;
import java.time.Instant;
import java.util.Date;

/** A retraining schedule as the API shows it, with its next fire time (null while paused). */
public record ScheduleResponse(long id, String model, String cron, String timeZone, String datasetName,
        Integer datasetVersion, JsonNode configOverride, JsonNode split, JsonNode promotionPolicy, boolean forceRetrain,
        boolean enabled, Instant nextFireTime, Instant createdAt, Instant updatedAt) {

    static ScheduleResponse from(RetrainSchedule s, String modelName, Json json) {
        Date next = s.enabled ? ScheduleValidator.nextFireTime(s.cron, s.timeZone) : null;
        return new ScheduleResponse(s.id, modelName, s.cron, s.timeZone, s.datasetName, s.datasetVersion,
                s.configOverride == null ? null : json.read(s.configOverride, JsonNode.class),
                json.read(s.jobConfig, JsonNode.class).get("split"), json.read(s.promotionPolicy, JsonNode.class),
                s.forceRetrain, s.enabled, next == null ? null : next.toInstant(), s.createdAt, s.updatedAt);
    }
}

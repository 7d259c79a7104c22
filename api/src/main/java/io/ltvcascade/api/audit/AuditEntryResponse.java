package io.ltvcascade.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltvcascade.api.common.Json;
import java.time.Instant;

/** An audit_log row as the API shows it. */
public record AuditEntryResponse(
        long id, Long tenantId, Long apiKeyId, String action, String targetType, String targetId, JsonNode detail,
        Instant createdAt) {

    static AuditEntryResponse from(AuditEntry e, Json json) {
        return new AuditEntryResponse(e.id, e.tenantId, e.apiKeyId, e.action, e.targetType, e.targetId,
                json.read(e.detail, JsonNode.class), e.createdAt);
    }
}

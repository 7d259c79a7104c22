package io.ltvcascade.api.audit;

import io.ltvcascade.api.auth.Caller;
import io.ltvcascade.api.common.Json;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/** Writes one audit_log row per mutating call, in the caller's transaction, and lists them. */
@ApplicationScoped
public class AuditService {

    private final AuditRepository entries;
    private final Caller caller;
    private final Json json;

    public AuditService(AuditRepository entries, Caller caller, Json json) {
        this.entries = entries;
        this.caller = caller;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long tenantId, String action, String targetType, Object targetId, Map<String, ?> detail) {
        AuditEntry entry = new AuditEntry();
        entry.tenantId = tenantId;
        entry.apiKeyId = Arc.container().requestContext().isActive() ? caller.keyId() : null;
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId == null ? null : targetId.toString();
        entry.detail = json.write(detail);
        entry.createdAt = Instant.now();
        entries.persist(entry);
    }

    /** Operators see every tenant's entries; tenant admins see their own. */
    public Page<AuditEntryResponse> list(PageRequest page) {
        var rows = caller.isOperator() ? entries.pageAll(page) : entries.pageForTenant(caller.tenantId(), page);
        return Page.of(rows, page, e -> e.id, e -> AuditEntryResponse.from(e, json));
    }
}

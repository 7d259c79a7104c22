package io.ltvcascade.api.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One audited change: who (key), what (action on a target), for which tenant, when. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long tenantId;
    public Long apiKeyId;
    public String action;
    public String targetType;
    public String targetId;

    @JdbcTypeCode(SqlTypes.JSON)
    public String detail;

    public Instant createdAt;
}

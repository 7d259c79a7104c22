package io.ltvcascade.api.audit;

import io.ltvcascade.api.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads the audit trail, per tenant or (for operators) across the platform. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    public List<AuditEntry> pageForTenant(long tenantId, PageRequest page) {
        return find("tenantId = ?1 and id < ?2", Sort.descending("id"), tenantId, page.beforeId())
                .page(0, page.fetchSize()).list();
    }

    public List<AuditEntry> pageAll(PageRequest page) {
        return find("id < ?1", Sort.descending("id"), page.beforeId()).page(0, page.fetchSize()).list();
    }
}

package io.ltvcascade.api.scoring;

import io.ltvcascade.api.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Queries on scoring jobs, always scoped by tenant. */
@ApplicationScoped
public class ScoringJobRepository implements PanacheRepositoryBase<ScoringJob, Long> {

    public Optional<ScoringJob> findForTenant(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public List<ScoringJob> page(long tenantId, PageRequest page) {
        return find("tenantId = ?1 and id < ?2", Sort.descending("id"), tenantId, page.beforeId())
                .page(0, page.fetchSize()).list();
    }
}

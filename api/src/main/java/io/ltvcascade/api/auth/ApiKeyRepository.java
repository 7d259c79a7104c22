package io.ltvcascade.api.auth;

import io.ltvcascade.api.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Queries on api_keys; tenant keys are always looked up with their tenant. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, Long> {

    public Optional<ApiKey> findByPrefix(String prefix) {
        return find("prefix", prefix).firstResultOptional();
    }

    public Optional<ApiKey> findForTenant(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public List<ApiKey> pageForTenant(long tenantId, PageRequest page) {
        return find("tenantId = ?1 and id < ?2", Sort.descending("id"), tenantId, page.beforeId())
                .page(0, page.fetchSize()).list();
    }

    public boolean activeOperatorKeyExists() {
        return count("tenantId is null and revokedAt is null") > 0;
    }
}

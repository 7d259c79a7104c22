package io.ltvcascade.api.model;

import io.ltvcascade.api.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Queries on models, always scoped by tenant. */
@ApplicationScoped
public class ModelRepository implements PanacheRepositoryBase<Model, Long> {

    public Optional<Model> findByName(long tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name).firstResultOptional();
    }

    public List<Model> page(long tenantId, PageRequest page) {
        return find("tenantId = ?1 and id < ?2", Sort.descending("id"), tenantId, page.beforeId())
                .page(0, page.fetchSize()).list();
    }
}

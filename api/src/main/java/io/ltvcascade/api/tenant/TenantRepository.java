package io.ltvcascade.api.tenant;

import io.ltvcascade.api.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Queries on tenants (operator-level: tenants are not tenant-owned). */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, Long> {

    public boolean nameTaken(String name) {
        return count("name", name) > 0;
    }

    public List<Tenant> page(PageRequest page) {
        return find("id < ?1", Sort.descending("id"), page.beforeId()).page(0, page.fetchSize()).list();
    }
}

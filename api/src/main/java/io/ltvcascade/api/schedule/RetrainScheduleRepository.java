package io.ltvcascade.api.schedule;

import io.ltvcascade.api.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Queries on retraining schedules, always scoped by tenant. */
@ApplicationScoped
public class RetrainScheduleRepository implements PanacheRepositoryBase<RetrainSchedule, Long> {

    public Optional<RetrainSchedule> findForTenant(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public List<RetrainSchedule> page(long tenantId, Long modelId, PageRequest page) {
        String query = "tenantId = ?1 and id < ?2" + (modelId == null ? "" : " and modelId = ?3");
        Object[] params = modelId == null ? new Object[] {tenantId, page.beforeId()}
                : new Object[] {tenantId, page.beforeId(), modelId};
        return find(query, Sort.descending("id"), params).page(0, page.fetchSize()).list();
    }
}

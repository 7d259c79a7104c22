package io.ltvcascade.api.dataset;

import io.ltvcascade.api.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Queries on datasets, always scoped by tenant; deleted datasets are invisible. */
@ApplicationScoped
public class DatasetRepository implements PanacheRepositoryBase<Dataset, Long> {

    public Optional<Dataset> findReady(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2 and status = ?3", tenantId, id, Dataset.READY).firstResultOptional();
    }

    /** Version {@code version} of the named dataset, or its latest version when {@code version} is null. */
    public Optional<Dataset> findReady(long tenantId, String name, Integer version) {
        if (version != null) {
            return find("tenantId = ?1 and name = ?2 and version = ?3 and status = ?4", tenantId, name, version,
                    Dataset.READY).firstResultOptional();
        }
        return find("tenantId = ?1 and name = ?2 and status = ?3", Sort.descending("version"), tenantId, name,
                Dataset.READY).firstResultOptional();
    }

    public List<Dataset> page(long tenantId, String name, PageRequest page) {
        String query = "tenantId = ?1 and status = ?2 and id < ?3" + (name == null ? "" : " and name = ?4");
        Object[] params = name == null
                ? new Object[] {tenantId, Dataset.READY, page.beforeId()}
                : new Object[] {tenantId, Dataset.READY, page.beforeId(), name};
        return find(query, Sort.descending("id"), params).page(0, page.fetchSize()).list();
    }

    /** The next version number of {@code name}; call under the per-name lock of {@link DatasetService}. */
    public int nextVersion(long tenantId, String name) {
        Integer max = getEntityManager()
                .createQuery("select max(d.version) from Dataset d where d.tenantId = ?1 and d.name = ?2", Integer.class)
                .setParameter(1, tenantId).setParameter(2, name).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    /** Whether a queued or running training or scoring job reads this dataset. */
    public boolean inUseByJob(long tenantId, long datasetId) {
        Number n = (Number) getEntityManager().createNativeQuery("SELECT (SELECT count(*) FROM training_jobs "
                        + "WHERE tenant_id = ?1 AND dataset_id = ?2 AND status IN ('QUEUED', 'RUNNING')) "
                        + "+ (SELECT count(*) FROM scoring_jobs "
                        + "WHERE tenant_id = ?1 AND dataset_id = ?2 AND status IN ('QUEUED', 'RUNNING'))")
                .setParameter(1, tenantId).setParameter(2, datasetId).getSingleResult();
        return n.longValue() > 0;
    }
}

package io.ltvcascade.api.serving;

import io.ltvcascade.api.auth.Caller;
import io.ltvcascade.api.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Finds the version a predict request addresses, in the caller's tenant only: by alias or by number. One indexed
 * query per request and no caching, so alias moves and rollbacks are seen at once by every api replica.
 */
@ApplicationScoped
public class ServingTargets {

    private static final String SELECT = "SELECT v.id, v.version, v.status, v.dataset_id, length(v.artifact) "
            + "FROM models m JOIN model_versions v ON v.tenant_id = m.tenant_id AND v.model_id = m.id ";

    private final EntityManager em;
    private final Caller caller;

    public ServingTargets(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    public ServedVersion byAlias(String model, String alias) {
        List<Object[]> rows = query(SELECT + "JOIN model_aliases a ON a.tenant_id = v.tenant_id AND a.version_id = v.id "
                + "WHERE m.tenant_id = ?1 AND m.name = ?2 AND a.alias = ?3", model, alias);
        if (rows.isEmpty()) {
            requireModel(model);
            throw ProblemException.notFound("alias of model " + model, alias);
        }
        return toVersion(model, rows.get(0), alias);
    }

    public ServedVersion byNumber(String model, int version) {
        List<Object[]> rows = query(SELECT + "WHERE m.tenant_id = ?1 AND m.name = ?2 AND v.version = ?3", model, version);
        if (rows.isEmpty()) {
            requireModel(model);
            throw ProblemException.notFound("version of model " + model, version);
        }
        if (!"ACTIVE".equals(rows.get(0)[2])) {
            throw ProblemException.conflict("version " + version + " of model " + model + " is archived and serves no "
                    + "predictions; score with an active version or an alias");
        }
        return toVersion(model, rows.get(0), null);
    }

    private void requireModel(String model) {
        Number found = (Number) em.createNativeQuery("SELECT count(*) FROM models WHERE tenant_id = ?1 AND name = ?2")
                .setParameter(1, caller.tenantId()).setParameter(2, model).getSingleResult();
        if (found.longValue() == 0) {
            throw ProblemException.notFound("model", model);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> query(String sql, String model, Object third) {
        return em.createNativeQuery(sql).setParameter(1, caller.tenantId()).setParameter(2, model)
                .setParameter(3, third).getResultList();
    }

    private ServedVersion toVersion(String model, Object[] row, String alias) {
        return new ServedVersion(caller.tenantId(), model, ((Number) row[0]).longValue(), ((Number) row[1]).intValue(),
                ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), alias);
    }
}

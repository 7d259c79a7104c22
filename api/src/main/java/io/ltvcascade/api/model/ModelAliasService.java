package io.ltvcascade.api.model;

import io.ltvcascade.api.audit.AuditService;
import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.api.common.SqlValues;
import io.ltvcascade.api.serving.TargetCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Aliases (champion, challenger, any name) pointing at model versions: set or move one (a rollback is moving it
 * back), remove one, list them; and archiving versions that no alias points at.
 */
@ApplicationScoped
public class ModelAliasService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private final ModelService models;
    private final AuditService audit;
    private final EntityManager em;
    private final TargetCache targets;

    public ModelAliasService(ModelService models, AuditService audit, EntityManager em, TargetCache targets) {
        this.models = models;
        this.audit = audit;
        this.em = em;
        this.targets = targets;
    }

    @Transactional
    public List<AliasResponse> set(String modelName, String alias, SetAliasRequest request) {
        Model model = models.find(modelName);
        if (!NAME.matcher(alias).matches()) {
            throw ProblemException.badRequest("alias must be 1-63 lowercase letters, digits, '-' or '_'", "field", "alias");
        }
        if (request == null || request.version() == null) {
            throw ProblemException.unprocessable("invalid-alias", "version is required", "field", "version");
        }
        long versionId = activeVersionId(model, request.version());
        Integer previous = pointedVersion(model, alias);
        em.createNativeQuery("INSERT INTO model_aliases (tenant_id, model_id, alias, version_id, updated_at) "
                        + "VALUES (?1, ?2, ?3, ?4, now()) ON CONFLICT (tenant_id, model_id, alias) "
                        + "DO UPDATE SET version_id = EXCLUDED.version_id, updated_at = now()")
                .setParameter(1, model.tenantId).setParameter(2, model.id).setParameter(3, alias)
                .setParameter(4, versionId).executeUpdate();
        Map<String, Object> detail = new HashMap<>(Map.of("model", model.name, "alias", alias, "to", request.version()));
        if (previous != null) {
            detail.put("from", previous);
        }
        audit.record(model.tenantId, "model.alias.set", "model", model.id, detail);
        // this replica answers the next request with the new version; the others hear of it by notification
        targets.invalidateAfterCommit();
        return list(modelName);
    }

    @Transactional
    public void remove(String modelName, String alias) {
        Model model = models.find(modelName);
        int removed = em.createNativeQuery("DELETE FROM model_aliases WHERE tenant_id = ?1 AND model_id = ?2 AND alias = ?3")
                .setParameter(1, model.tenantId).setParameter(2, model.id).setParameter(3, alias).executeUpdate();
        if (removed == 0) {
            throw ProblemException.notFoundInModel("alias", alias, modelName);
        }
        audit.record(model.tenantId, "model.alias.remove", "model", model.id, Map.of("alias", alias));
        targets.invalidateAfterCommit();
    }

    public List<AliasResponse> list(String modelName) {
        Model model = models.find(modelName);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.alias, v.version, a.updated_at FROM model_aliases a "
                        + "JOIN model_versions v ON v.tenant_id = a.tenant_id AND v.id = a.version_id "
                        + "WHERE a.tenant_id = ?1 AND a.model_id = ?2 ORDER BY a.alias")
                .setParameter(1, model.tenantId).setParameter(2, model.id).getResultList();
        return rows.stream().map(r -> new AliasResponse((String) r[0], ((Number) r[1]).intValue(), SqlValues.instant(r[2]))).toList();
    }

    /** Archives a version; refused while an alias points at it. */
    @Transactional
    public void archive(String modelName, int version) {
        Model model = models.find(modelName);
        long versionId = activeVersionId(model, version);
        Number pointing = (Number) em.createNativeQuery("SELECT count(*) FROM model_aliases WHERE tenant_id = ?1 "
                        + "AND version_id = ?2").setParameter(1, model.tenantId).setParameter(2, versionId).getSingleResult();
        if (pointing.longValue() > 0) {
            throw ProblemException.conflict("version " + version + " is the target of an alias; move the alias first");
        }
        em.createNativeQuery("UPDATE model_versions SET status = 'ARCHIVED' WHERE tenant_id = ?1 AND id = ?2")
                .setParameter(1, model.tenantId).setParameter(2, versionId).executeUpdate();
        audit.record(model.tenantId, "model.version.archive", "model", model.id, Map.of("version", version));
        targets.invalidateAfterCommit();
    }

    private long activeVersionId(Model model, int version) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, status FROM model_versions WHERE tenant_id = ?1 "
                        + "AND model_id = ?2 AND version = ?3")
                .setParameter(1, model.tenantId).setParameter(2, model.id).setParameter(3, version).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFoundInModel("version", version, model.name);
        }
        if (!"ACTIVE".equals(rows.get(0)[1])) {
            throw ProblemException.conflict("version " + version + " of model " + model.name + " is archived");
        }
        return ((Number) rows.get(0)[0]).longValue();
    }

    private Integer pointedVersion(Model model, String alias) {
        return list(model.name).stream().filter(a -> a.alias().equals(alias)).map(AliasResponse::version)
                .findFirst().orElse(null);
    }
}

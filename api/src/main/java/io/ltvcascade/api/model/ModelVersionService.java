package io.ltvcascade.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ltvcascade.api.common.Json;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.api.common.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Reads model versions (written by workers) without loading their artifacts. */
@ApplicationScoped
public class ModelVersionService {

    private static final String COLUMNS = "SELECT v.id, v.version, v.status, v.dataset_id, v.job_id, "
            + "CAST(v.quality_report AS text), CAST(v.history AS text), CAST(v.lineage AS text), CAST(v.config AS text), "
            + "length(v.artifact), v.created_at FROM model_versions v ";

    private final ModelService models;
    private final EntityManager em;
    private final Json json;

    public ModelVersionService(ModelService models, EntityManager em, Json json) {
        this.models = models;
        this.em = em;
        this.json = json;
    }

    public Page<ModelVersionResponse> list(String modelName, PageRequest page) {
        Model model = models.find(modelName);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + "WHERE v.tenant_id = ?1 AND v.model_id = ?2 AND v.id < ?3 "
                        + "ORDER BY v.id DESC LIMIT ?4")
                .setParameter(1, model.tenantId).setParameter(2, model.id).setParameter(3, page.beforeId())
                .setParameter(4, page.fetchSize()).getResultList();
        return Page.of(rows, page, r -> ((Number) r[0]).longValue(), r -> toResponse(model.name, r));
    }

    public ModelVersionResponse get(String modelName, int version) {
        Model model = models.find(modelName);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + "WHERE v.tenant_id = ?1 AND v.model_id = ?2 AND v.version = ?3")
                .setParameter(1, model.tenantId).setParameter(2, model.id).setParameter(3, version).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFoundInModel("version", version, modelName);
        }
        return toResponse(model.name, rows.get(0));
    }

    /** The version's artifact bytes (the library's one-file model format). */
    public byte[] artifact(String modelName, int version) {
        Model model = models.find(modelName);
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em.createNativeQuery("SELECT artifact FROM model_versions WHERE tenant_id = ?1 "
                        + "AND model_id = ?2 AND version = ?3")
                .setParameter(1, model.tenantId).setParameter(2, model.id).setParameter(3, version).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFoundInModel("version", version, modelName);
        }
        return rows.get(0);
    }

    private ModelVersionResponse toResponse(String model, Object[] r) {
        return new ModelVersionResponse(((Number) r[0]).longValue(), model, ((Number) r[1]).intValue(),
                ((String) r[2]).toLowerCase(java.util.Locale.ROOT), ((Number) r[3]).longValue(),
                ((Number) r[4]).longValue(), node(r[5]), node(r[6]), node(r[7]), node(r[8]), ((Number) r[9]).longValue(),
                SqlValues.instant(r[10]));
    }

    private JsonNode node(Object text) {
        return json.read((String) text, JsonNode.class);
    }
}

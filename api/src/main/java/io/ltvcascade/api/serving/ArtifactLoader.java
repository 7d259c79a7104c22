package io.ltvcascade.api.serving;

import ai.djl.Device;
import io.ltvcascade.api.common.Json;
import io.ltvcascade.model.ccor.ArtifactException;
import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.data.SchemaJson;
import io.ltvcascade.model.data.TableSchema;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Reads a version's artifact from PostgreSQL and loads it on the CPU, with the id column of the dataset it was
 * trained on (the column requests name their customers by).
 */
@ApplicationScoped
public class ArtifactLoader {

    private final EntityManager em;
    private final Json json;
    private final Batching batching;
    private final ForwardSplitter splitter;

    public ArtifactLoader(EntityManager em, Json json, ServingConfig config, ForwardSplitter splitter) {
        this.em = em;
        this.json = json;
        this.batching = Batching.of(config);
        this.splitter = splitter;
    }

    LoadedModel load(ServedVersion version) {
        long started = System.nanoTime();
        Object[] row = (Object[]) em.createNativeQuery("SELECT v.artifact, d.schema FROM model_versions v "
                        + "JOIN datasets d ON d.tenant_id = v.tenant_id AND d.id = v.dataset_id "
                        + "WHERE v.tenant_id = ?1 AND v.id = ?2")
                .setParameter(1, version.tenantId()).setParameter(2, version.versionId()).getSingleResult();
        byte[] artifact = (byte[]) row[0];
        TableSchema schema = json.read((String) row[1], SchemaJson.class).toSchema();
        LtvModel model;
        try {
            model = ModelArtifact.read(artifact, Device.cpu());
        } catch (ArtifactException e) {
            throw new IllegalStateException("version " + version.version() + " of model " + version.modelName()
                    + " has an unreadable artifact: " + e.getMessage(), e);
        }
        Log.infof("loaded model %s version %d (%d bytes) in %d ms", version.modelName(), version.version(),
                artifact.length, (System.nanoTime() - started) / 1_000_000);
        return new LoadedModel(version.versionId(), model, schema.column(schema.idIndex()).name(), artifact.length,
                batching, splitter);
    }
}

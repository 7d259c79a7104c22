package io.ltvcascade.api.dataset;

import io.ltvcascade.api.audit.AuditService;
import io.ltvcascade.api.auth.Caller;
import io.ltvcascade.api.common.Json;
import io.ltvcascade.api.common.Page;
import io.ltvcascade.api.common.PageRequest;
import io.ltvcascade.api.common.ProblemException;
import io.ltvcascade.model.data.BlockWriter;
import io.ltvcascade.model.data.DatasetScanner;
import io.ltvcascade.model.data.LabelStatistics;
import io.ltvcascade.model.data.ScanResult;
import io.ltvcascade.model.data.SchemaJson;
import io.ltvcascade.model.data.SchemaResolver;
import io.ltvcascade.model.data.TableSchema;
import io.ltvcascade.model.data.UploadSpec;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.hibernate.Session;

/**
 * Dataset uploads in two passes: {@link #prepare} validates the streamed CSV into a spool file (nothing stored),
 * {@link #store} writes the metadata row and every block in one transaction. Also lists, gets and deletes.
 */
@ApplicationScoped
public class DatasetService {

    private final DatasetRepository datasets;
    private final DatasetConfig config;
    private final AuditService audit;
    private final Caller caller;
    private final Json json;
    private final EntityManager em;

    public DatasetService(DatasetRepository datasets, DatasetConfig config, AuditService audit, Caller caller, Json json,
            EntityManager em) {
        this.datasets = datasets;
        this.config = config;
        this.audit = audit;
        this.caller = caller;
        this.json = json;
        this.em = em;
    }

    /** A validated upload waiting to be stored; closing it deletes its spool file. */
    public record PreparedUpload(String name, UploadSpool spool, TableSchema schema, ScanResult scan) implements AutoCloseable {
        @Override
        public void close() {
            spool.close();
        }
    }

    /** First pass: reads and validates the whole body; throws a problem naming line and column, storing nothing. */
    public PreparedUpload prepare(UploadDatasetRequest request, InputStream body) {
        UploadSpec spec = request.toSpec(config.maxCategories());
        UploadSpool spool = new UploadSpool(body, config.maxUploadBytes());
        try {
            long tenant = caller.tenantId();
            ScanResult scan = new DatasetScanner(spec, rows -> Log.infof("tenant %d: upload of dataset '%s': %d rows read",
                    tenant, request.name(), rows)).scan(spool.csv());
            spool.finish();
            TableSchema schema = SchemaResolver.resolve(spec, scan);
            return new PreparedUpload(request.name(), spool, schema, scan);
        } catch (RuntimeException e) {
            spool.close();
            throw e;
        }
    }

    /** Second pass, in the caller's transaction: the next version of the name, with all its rows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DatasetResponse store(PreparedUpload upload) {
        long tenantId = caller.tenantId();
        lockName(tenantId, upload.name());
        Dataset dataset = newDataset(tenantId, upload);
        datasets.persistAndFlush(dataset);
        long rows = writeBlocks(dataset, upload);
        audit.record(tenantId, "dataset.upload", "dataset", dataset.id,
                Map.of("name", dataset.name, "version", dataset.version, "rows", rows));
        Log.infof("tenant %d: stored dataset '%s' v%d (id %d): %d rows, %d bytes",
                tenantId, dataset.name, dataset.version, dataset.id, rows, dataset.sizeBytes);
        return DatasetResponse.from(dataset, json);
    }

    public Page<DatasetResponse> list(String name, PageRequest page) {
        return Page.of(datasets.page(caller.tenantId(), name, page), page, d -> d.id, d -> DatasetResponse.from(d, json));
    }

    public DatasetResponse get(long id) {
        return DatasetResponse.from(find(id), json);
    }

    /** The dataset and its schema, for streaming its rows back. */
    public Dataset find(long id) {
        return datasets.findReady(caller.tenantId(), id).orElseThrow(() -> ProblemException.notFound("dataset", id));
    }

    public TableSchema schemaOf(Dataset dataset) {
        return json.read(dataset.schema, SchemaJson.class).toSchema();
    }

    /** Marks the dataset deleted and drops its rows; refused while a queued or running job reads it. */
    @Transactional
    public void delete(long id) {
        Dataset dataset = find(id);
        if (datasets.inUseByJob(dataset.tenantId, dataset.id)) {
            throw ProblemException.conflict("dataset " + id + " is used by a queued or running training or scoring "
                    + "job; cancel the job or wait for it to finish");
        }
        dataset.status = Dataset.DELETED;
        em.unwrap(Session.class).doWork(c -> DatasetBlockStore.deleteAll(c, dataset.tenantId, dataset.id));
        audit.record(dataset.tenantId, "dataset.delete", "dataset", dataset.id,
                Map.of("name", dataset.name, "version", dataset.version));
    }

    private Dataset newDataset(long tenantId, PreparedUpload upload) {
        Dataset d = new Dataset();
        d.tenantId = tenantId;
        d.name = upload.name();
        d.version = datasets.nextVersion(tenantId, upload.name());
        d.status = Dataset.READY;
        d.schema = json.write(SchemaJson.from(upload.schema()));
        d.rowCount = upload.scan().rowCount();
        d.labelStats = json.write(LabelStatistics.of(upload.scan().labels()));
        d.sizeBytes = upload.spool().bytes();
        d.checksum = "sha256:" + upload.spool().sha256();
        d.createdAt = Instant.now();
        return d;
    }

    private long writeBlocks(Dataset dataset, PreparedUpload upload) {
        long[] rows = new long[1];
        em.unwrap(Session.class).doWork(connection -> {
            DatasetBlockStore.Writer writer = DatasetBlockStore.writer(connection, dataset.tenantId, dataset.id);
            try (InputStream csv = Files.newInputStream(upload.spool().file())) {
                rows[0] = new BlockWriter(upload.schema(), config.blockRows()).write(csv, block -> {
                    try {
                        writer.write(block);
                    } catch (SQLException e) {
                        throw new IllegalStateException("storing a block of dataset " + dataset.id + " failed", e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return rows[0];
    }

    // two uploads of one name at once would pick the same version: serialise them per tenant and name
    private void lockName(long tenantId, String name) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, hashtext(?2))) AS locked")
                .setParameter(1, (int) tenantId).setParameter(2, name).getSingleResult();
    }
}

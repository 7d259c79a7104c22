package io.ltvcascade.worker.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ltvcascade.model.ccor.EpochReport;
import io.ltvcascade.model.ccor.Evaluation;
import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.ccor.ModelConfig;
import io.ltvcascade.model.ccor.ModelJson;
import io.ltvcascade.model.ccor.ModelTrainer;
import io.ltvcascade.model.ccor.TrainingResult;
import io.ltvcascade.model.data.Split;
import io.ltvcascade.model.metrics.QualityReport;
import io.ltvcascade.worker.data.DatasetReader;
import io.ltvcascade.worker.queue.ClaimedJob;
import io.ltvcascade.worker.queue.JobFailure;
import io.ltvcascade.worker.queue.JobQueue;
import io.ltvcascade.worker.queue.LeaseKeeper;
import io.ltvcascade.worker.queue.LeaseLost;
import io.ltvcascade.worker.queue.ShutdownSignal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs one claimed job: read the dataset, split, train with per-epoch progress heartbeats (and cancellation
 * checks between batches), score the test part, then write the version and mark the job done in one transaction;
 * for a job queued by a retraining schedule, the schedule's promotion policy decides in that transaction too.
 */
public final class TrainingRun {

    private final DataSource dataSource;
    private final JobQueue queue;
    private final Duration lease;
    private final ShutdownSignal shutdown;

    public TrainingRun(DataSource dataSource, JobQueue queue, Duration lease, ShutdownSignal shutdown) {
        this.dataSource = dataSource;
        this.queue = queue;
        this.lease = lease;
        this.shutdown = shutdown;
    }

    /**
     * The new version number. Throws {@link java.util.concurrent.CancellationException} when cancellation was asked
     * for or the worker is stopping, {@link LeaseLost} when another worker took the job over, {@link JobFailure} for
     * bad jobs.
     */
    public int run(ClaimedJob job) throws SQLException {
        JobSpec spec = parse(job.configJson());
        Split split = spec.apply(new DatasetReader(dataSource).read(job.tenantId(), job.datasetId()));
        ModelConfig config = spec.modelWithSeed();
        List<EpochReport> history = new ArrayList<>();
        LeaseKeeper keeper = new LeaseKeeper(queue, job, lease, shutdown);
        try (TrainingResult result = new ModelTrainer(config, report -> {
            history.add(report);
            keeper.beat(json(progress(report, history)));
        }, keeper::stopRequested).train(split.train(), split.validation())) {
            QualityReport report = Evaluation.evaluate(result.model(), split.test());
            byte[] artifact = ModelArtifact.write(result.model());
            Optional<SchedulePromotion> promotion;
            try (Connection c = dataSource.getConnection()) {
                promotion = SchedulePromotion.decide(c, job.tenantId(), job.id(), result.model(), report, split.test());
            }
            return store(job, config, report, history, lineage(job, result, split), artifact, promotion);
        }
    }

    private int store(ClaimedJob job, ModelConfig config, QualityReport report, List<EpochReport> history,
            Map<String, Object> lineage, byte[] artifact, Optional<SchedulePromotion> promotion) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                VersionWriter.Written version = VersionWriter.insert(c, job.tenantId(), job.modelId(), job.datasetId(),
                        job.id(), json(config), json(report), json(history), json(lineage), artifact);
                if (promotion.isPresent()) {
                    promotion.get().apply(c, job.id(), version.id(), version.version());
                }
                if (!queue.succeed(c, job.id(), job.worker())) {
                    c.rollback();
                    throw new LeaseLost(job.id());
                }
                c.commit();
                return version.version();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The latest epoch in full, and the curve so far (total loss and validation Gini per epoch) for charts. */
    private static Map<String, Object> progress(EpochReport r, List<EpochReport> history) {
        int epochsDone = history.size();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("epoch", r.epoch());
        p.put("max_epochs", r.maxEpochs());
        p.put("losses", r.losses());
        p.put("validation_gini", r.validationGini());
        p.put("validation_spearman", r.validationSpearman());
        p.put("samples_per_second", r.samplesPerSecond());
        p.put("eta_seconds", r.seconds() * (r.maxEpochs() - epochsDone));
        p.put("curve", history.stream().map(e -> Map.of("epoch", e.epoch(), "loss", e.losses().get("total"),
                "validation_gini", e.validationGini())).toList());
        return p;
    }

    private static Map<String, Object> lineage(ClaimedJob job, TrainingResult result, Split split) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("dataset_id", job.datasetId());
        l.put("job_id", job.id());
        l.put("attempt", job.attempt());
        l.put("worker", job.worker());
        l.put("device", result.device());
        l.put("duration_seconds", result.seconds());
        l.put("best_epoch", result.bestEpoch());
        l.put("stopped_early", result.stoppedEarly());
        l.put("rows", Map.of("train", split.train().rows(), "validation", split.validation().rows(),
                "test", split.test().rows()));
        return l;
    }

    private static JobSpec parse(String configJson) {
        try {
            return ModelJson.MAPPER.readValue(configJson, JobSpec.class);
        } catch (IOException e) {
            throw new JobFailure("the job's config is not readable: " + e.getMessage(), false, e);
        }
    }

    private static String json(Object value) {
        try {
            return ModelJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

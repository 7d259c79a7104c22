package io.ltvcascade.worker.train;

import io.ltvcascade.model.ccor.Evaluation;
import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.ccor.ModelJson;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.metrics.QualityReport;
import io.ltvcascade.model.promotion.PromotionDecision;
import io.ltvcascade.model.promotion.PromotionDecision.Outcome;
import io.ltvcascade.model.promotion.PromotionPolicy;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The promotion policy of the schedule that queued a job, applied to the version the job trained: the champion is
 * scored on the new version's held-out rows (bucket metrics on the new version's buckets) and the policy decides;
 * {@link #apply} then moves the alias and records the decision in the version's own transaction.
 */
final class SchedulePromotion {

    private static final Logger LOG = Logger.getLogger(SchedulePromotion.class.getName());

    private final long tenantId;
    private final long modelId;
    private final long scheduleId;
    private final Long comparedChampionId;
    private final PromotionDecision decision;

    private SchedulePromotion(long tenantId, long modelId, long scheduleId, Long comparedChampionId,
            PromotionDecision decision) {
        this.tenantId = tenantId;
        this.modelId = modelId;
        this.scheduleId = scheduleId;
        this.comparedChampionId = comparedChampionId;
        this.decision = decision;
    }

    /** Empty for jobs not queued by a schedule, or whose schedule was deleted since. */
    static Optional<SchedulePromotion> decide(Connection c, long tenantId, long jobId, LtvModel candidate,
            QualityReport candidateReport, Table heldOut) throws SQLException {
        Optional<Object[]> schedule = row(c, "SELECT s.id, s.promotion_policy::text, j.model_id FROM training_jobs j "
                + "JOIN retrain_schedules s ON s.tenant_id = j.tenant_id AND s.id = j.schedule_id "
                + "WHERE j.tenant_id = ? AND j.id = ?", tenantId, jobId);
        if (schedule.isEmpty()) {
            return Optional.empty();
        }
        long scheduleId = (Long) schedule.get()[0];
        long modelId = (Long) schedule.get()[2];
        PromotionPolicy policy = policy((String) schedule.get()[1]);
        Optional<Object[]> champion = policy.mode() == PromotionPolicy.Mode.NEVER ? Optional.empty() : row(c,
                "SELECT v.id, v.version, v.artifact FROM model_aliases a JOIN model_versions v ON v.tenant_id = a.tenant_id "
                        + "AND v.id = a.version_id WHERE a.tenant_id = ? AND a.model_id = ? AND a.alias = 'champion'",
                tenantId, modelId);
        if (champion.isEmpty()) {
            return Optional.of(new SchedulePromotion(tenantId, modelId, scheduleId, null,
                    policy.decide(candidateReport, null, "none")));
        }
        String label = "v" + champion.get()[1];
        PromotionDecision decision;
        try (LtvModel reference = ModelArtifact.read((byte[]) champion.get()[2], candidate.device())) {
            QualityReport championReport = Evaluation.evaluateOn(reference.predict(heldOut), heldOut.labels(),
                    reference.scheme(), candidate.scheme());
            decision = policy.decide(candidateReport, championReport, label);
        } catch (RuntimeException e) {
            decision = new PromotionDecision(Outcome.CHALLENGER, "the champion (" + label + ") could not be scored on "
                    + "this version's held-out rows, so nothing was compared: " + e.getMessage());
        }
        return Optional.of(new SchedulePromotion(tenantId, modelId, scheduleId, (Long) champion.get()[0], decision));
    }

    /** Moves the alias the decision names to the new version and records the decision, inside the caller's transaction. */
    PromotionDecision apply(Connection c, long jobId, long versionId, int version) throws SQLException {
        PromotionDecision applied = decision;
        Optional<Object[]> now = row(c, "SELECT version_id FROM model_aliases WHERE tenant_id = ? AND model_id = ? "
                + "AND alias = 'champion' FOR UPDATE", tenantId, modelId);
        Long championNow = now.map(r -> (Long) r[0]).orElse(null);
        if (applied.outcome() == Outcome.PROMOTED && !Objects.equals(championNow, comparedChampionId)) {
            applied = new PromotionDecision(Outcome.CHALLENGER, "the champion changed while this version trained; "
                    + "kept as challenger (compare again before promoting): " + applied.reason());
        }
        if (applied.outcome() != Outcome.KEPT) {
            String alias = applied.outcome() == Outcome.PROMOTED ? "champion" : "challenger";
            update(c, "INSERT INTO model_aliases (tenant_id, model_id, alias, version_id, updated_at) VALUES (?, ?, ?, ?, now()) "
                    + "ON CONFLICT (tenant_id, model_id, alias) DO UPDATE SET version_id = EXCLUDED.version_id, "
                    + "updated_at = now()", tenantId, modelId, alias, versionId);
            audit(c, alias, version, applied);
        }
        update(c, "UPDATE schedule_fires SET decision = ?, decision_reason = ?, version_id = ?, decided_at = now() "
                + "WHERE tenant_id = ? AND job_id = ?", applied.outcome().name(), applied.reason(), versionId, tenantId, jobId);
        LOG.info("schedule " + scheduleId + ", version " + version + ": " + applied.outcome() + " (" + applied.reason() + ")");
        return applied;
    }

    private void audit(Connection c, String alias, int version, PromotionDecision applied) throws SQLException {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("alias", alias);
        detail.put("to", version);
        detail.put("by", "schedule " + scheduleId);
        detail.put("reason", applied.reason());
        update(c, "INSERT INTO audit_log (tenant_id, action, target_type, target_id, detail) "
                + "VALUES (?, 'model.alias.set', 'model', ?, CAST(? AS jsonb))", tenantId, String.valueOf(modelId),
                ModelJson.MAPPER.valueToTree(detail).toString());
    }

    private static PromotionPolicy policy(String text) {
        try {
            return PromotionPolicy.fromJson(ModelJson.MAPPER.readTree(text));
        } catch (IOException e) {
            throw new IllegalStateException("stored promotion policy is not JSON: " + text, e);
        }
    }

    private static Optional<Object[]> row(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params); ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Object[] row = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            return Optional.of(row);
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params)) {
            p.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            p.setObject(i + 1, params[i]);
        }
        return p;
    }
}

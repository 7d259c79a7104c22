package io.ltvcascade.api.schedule;

import io.ltvcascade.api.common.PageRequest;
import io.ltvcascade.api.common.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;

/** Reads a schedule's history (the scheduler and the workers write it), newest fire first, scoped by tenant. */
@ApplicationScoped
class ScheduleFires {

    private final EntityManager em;

    ScheduleFires(EntityManager em) {
        this.em = em;
    }

    List<ScheduleFireResponse> page(long tenantId, long scheduleId, PageRequest page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT f.id, f.fire_time, f.outcome, f.detail, f.dataset_id, "
                        + "f.job_id, j.status, f.decision, f.decision_reason, v.version, f.decided_at, f.recorded_at "
                        + "FROM schedule_fires f "
                        + "LEFT JOIN training_jobs j ON j.tenant_id = f.tenant_id AND j.id = f.job_id "
                        + "LEFT JOIN model_versions v ON v.tenant_id = f.tenant_id AND v.id = f.version_id "
                        + "WHERE f.tenant_id = ?1 AND f.schedule_id = ?2 AND f.id < ?3 ORDER BY f.id DESC LIMIT ?4")
                .setParameter(1, tenantId).setParameter(2, scheduleId).setParameter(3, page.beforeId())
                .setParameter(4, page.fetchSize()).getResultList();
        return rows.stream().map(ScheduleFires::toResponse).toList();
    }

    private static ScheduleFireResponse toResponse(Object[] r) {
        return new ScheduleFireResponse(((Number) r[0]).longValue(), SqlValues.instant(r[1]), lower(r[2]), (String) r[3],
                r[4] == null ? null : ((Number) r[4]).longValue(), r[5] == null ? null : ((Number) r[5]).longValue(),
                lower(r[6]), lower(r[7]), (String) r[8], r[9] == null ? null : ((Number) r[9]).intValue(),
                SqlValues.instant(r[10]), SqlValues.instant(r[11]));
    }

    private static String lower(Object value) {
        return value == null ? null : ((String) value).toLowerCase(Locale.ROOT);
    }
}

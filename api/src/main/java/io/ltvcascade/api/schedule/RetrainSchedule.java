package io.ltvcascade.api.schedule;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A model's retraining schedule: when (Quartz cron and time zone), on which dataset, with which config, and how the
 * new version is promoted. The scheduler keeps one trigger per enabled schedule and notices changes by
 * {@code updatedAt}.
 */
@Entity
@Table(name = "retrain_schedules")
public class RetrainSchedule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long tenantId;
    public Long modelId;
    public String cron;
    public String timeZone;
    public String datasetName;
    /** Null: the latest version of {@link #datasetName} at fire time. */
    public Integer datasetVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    public String configOverride;

    @JdbcTypeCode(SqlTypes.JSON)
    public String promotionPolicy;

    /** The training job config every fire queues: the model's config with the override, and the split. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String jobConfig;

    public boolean forceRetrain;
    public boolean enabled;
    public Instant createdAt;
    public Instant updatedAt;
}

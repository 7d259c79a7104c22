package io.ltvcascade.api.job;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of the training queue as the api sees it; workers claim and update it through plain SQL. */
@Entity
@Table(name = "training_jobs")
public class TrainingJob {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String CANCELLED = "CANCELLED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long tenantId;
    public Long modelId;
    public Long datasetId;
    public String status;
    public int priority;

    @JdbcTypeCode(SqlTypes.JSON)
    public String config;

    public int attempts;
    public int maxAttempts;
    public Instant runAfter;
    public String leaseOwner;
    public Instant leaseExpiresAt;
    public Instant heartbeatAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public String progress;

    public String error;
    public boolean cancelRequested;
    public Long scheduleId;
    public Instant fireTime;
    public Instant createdAt;
    public Instant startedAt;
    public Instant finishedAt;

    public boolean isFinished() {
        return !QUEUED.equals(status) && !RUNNING.equals(status);
    }
}

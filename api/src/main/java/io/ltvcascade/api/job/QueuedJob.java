package io.ltvcascade.api.job;

import io.ltvcascade.api.common.ProblemException;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The queue columns that training and scoring jobs share, as the api sees them; workers claim and update the rows
 * through plain SQL.
 */
@MappedSuperclass
public abstract class QueuedJob {

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
    public Instant createdAt;
    public Instant startedAt;
    public Instant finishedAt;

    public boolean isFinished() {
        return !QUEUED.equals(status) && !RUNNING.equals(status);
    }

    /** Starts a queued job as {@code priority} with {@code maxAttempts}, now. */
    protected void queue(long tenantId, long modelId, long datasetId, int priority, int maxAttempts, String config) {
        this.tenantId = tenantId;
        this.modelId = modelId;
        this.datasetId = datasetId;
        this.status = QUEUED;
        this.priority = priority;
        this.maxAttempts = maxAttempts;
        this.config = config;
        this.runAfter = Instant.now();
        this.createdAt = runAfter;
    }

    /**
     * A queued job is cancelled at once; a running one is flagged and its worker stops at its next check.
     * {@code what} names the job in the 409 for one that already ended.
     */
    public void requestCancel(String what) {
        if (isFinished()) {
            throw ProblemException.conflict(what + " " + id + " already ended as " + status.toLowerCase());
        }
        cancelRequested = true;
        if (QUEUED.equals(status)) {
            status = CANCELLED;
            error = "cancelled on request before it started";
            finishedAt = Instant.now();
        }
    }
}

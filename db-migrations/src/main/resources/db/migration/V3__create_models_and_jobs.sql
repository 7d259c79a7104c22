-- Models, their immutable versions, aliases, the training-job queue and retraining schedules.

CREATE TABLE models (
    tenant_id  BIGINT      NOT NULL REFERENCES tenants (id),
    id         BIGINT GENERATED ALWAYS AS IDENTITY,
    name       TEXT        NOT NULL,
    model_type TEXT        NOT NULL,
    config     JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);
CREATE UNIQUE INDEX models_id_idx ON models (id);

CREATE TABLE training_jobs (
    tenant_id        BIGINT      NOT NULL,
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    model_id         BIGINT      NOT NULL,
    dataset_id       BIGINT      NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    priority         INT         NOT NULL DEFAULT 0,
    config           JSONB       NOT NULL,
    attempts         INT         NOT NULL DEFAULT 0,
    max_attempts     INT         NOT NULL DEFAULT 3,
    run_after        TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_owner      TEXT,
    lease_expires_at TIMESTAMPTZ,
    heartbeat_at     TIMESTAMPTZ,
    progress         JSONB,
    error            TEXT,
    cancel_requested BOOLEAN     NOT NULL DEFAULT FALSE,
    schedule_id      BIGINT,
    fire_time        TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, model_id) REFERENCES models (tenant_id, id),
    FOREIGN KEY (tenant_id, dataset_id) REFERENCES datasets (tenant_id, id)
);
CREATE UNIQUE INDEX training_jobs_id_idx ON training_jobs (id);
-- the queue's claim query scans only waiting or leased jobs
CREATE INDEX training_jobs_queue_idx ON training_jobs (status, priority DESC, run_after) WHERE status IN ('QUEUED', 'RUNNING');
-- one job per schedule fire, however many scheduler replicas fire it
CREATE UNIQUE INDEX training_jobs_fire_idx ON training_jobs (tenant_id, schedule_id, fire_time) WHERE schedule_id IS NOT NULL;

CREATE TABLE model_versions (
    tenant_id      BIGINT      NOT NULL,
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    model_id       BIGINT      NOT NULL,
    version        INT         NOT NULL,
    status         TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ARCHIVED')),
    dataset_id     BIGINT      NOT NULL,
    job_id         BIGINT      NOT NULL,
    config         JSONB       NOT NULL,
    quality_report JSONB       NOT NULL,
    history        JSONB       NOT NULL,
    lineage        JSONB       NOT NULL,
    artifact       BYTEA       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, model_id, version),
    -- a job writes at most one version, even when a lease expired and a second worker finished it
    UNIQUE (tenant_id, job_id),
    FOREIGN KEY (tenant_id, model_id) REFERENCES models (tenant_id, id)
);

CREATE TABLE model_aliases (
    tenant_id  BIGINT      NOT NULL,
    model_id   BIGINT      NOT NULL,
    alias      TEXT        NOT NULL,
    version_id BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, model_id, alias),
    FOREIGN KEY (tenant_id, model_id) REFERENCES models (tenant_id, id),
    FOREIGN KEY (tenant_id, version_id) REFERENCES model_versions (tenant_id, id)
);

CREATE TABLE retrain_schedules (
    tenant_id        BIGINT      NOT NULL,
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    model_id         BIGINT      NOT NULL,
    cron             TEXT        NOT NULL,
    time_zone        TEXT        NOT NULL,
    dataset_name     TEXT        NOT NULL,
    dataset_version  INT,
    config_override  JSONB,
    promotion_policy JSONB       NOT NULL,
    force_retrain    BOOLEAN     NOT NULL DEFAULT FALSE,
    enabled          BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, model_id) REFERENCES models (tenant_id, id)
);
CREATE UNIQUE INDEX retrain_schedules_id_idx ON retrain_schedules (id);

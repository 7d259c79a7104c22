-- Batch scoring: jobs that score a stored dataset version with one model version (claimed by workers like
-- training jobs), and their results as compressed column blocks.

CREATE TABLE scoring_jobs (
    tenant_id        BIGINT      NOT NULL,
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    model_id         BIGINT      NOT NULL,
    version_id       BIGINT      NOT NULL,
    dataset_id       BIGINT      NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    priority         INT         NOT NULL DEFAULT 0,
    config           JSONB       NOT NULL DEFAULT '{}',
    attempts         INT         NOT NULL DEFAULT 0,
    max_attempts     INT         NOT NULL DEFAULT 3,
    run_after        TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_owner      TEXT,
    lease_expires_at TIMESTAMPTZ,
    heartbeat_at     TIMESTAMPTZ,
    progress         JSONB,
    error            TEXT,
    cancel_requested BOOLEAN     NOT NULL DEFAULT FALSE,
    result_rows      BIGINT,
    result_buckets   INT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, model_id) REFERENCES models (tenant_id, id),
    FOREIGN KEY (tenant_id, version_id) REFERENCES model_versions (tenant_id, id),
    FOREIGN KEY (tenant_id, dataset_id) REFERENCES datasets (tenant_id, id)
);
CREATE UNIQUE INDEX scoring_jobs_id_idx ON scoring_jobs (id);
CREATE INDEX scoring_jobs_queue_idx ON scoring_jobs (status, priority DESC, run_after) WHERE status IN ('QUEUED', 'RUNNING');

-- Rows of a result in order: chunk k holds rows first_row .. first_row + row_count - 1 as one deflated column block
-- (io.ltvcascade.model.scoring.PredictionBlocks). Written in the transaction that marks the job succeeded.
CREATE TABLE scoring_results (
    tenant_id BIGINT NOT NULL,
    job_id    BIGINT NOT NULL,
    chunk_no  INT    NOT NULL,
    first_row BIGINT NOT NULL,
    row_count INT    NOT NULL,
    data      BYTEA  NOT NULL,
    PRIMARY KEY (tenant_id, job_id, chunk_no),
    FOREIGN KEY (tenant_id, job_id) REFERENCES scoring_jobs (tenant_id, id) ON DELETE CASCADE
);
-- already deflated: PostgreSQL need not try to compress it again
ALTER TABLE scoring_results ALTER COLUMN data SET STORAGE EXTERNAL;

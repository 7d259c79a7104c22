-- Retraining schedules: the training-job config each fire queues (resolved by the api from the model's config and
-- the schedule's override), and the history of every fire and of the promotion decision on its new version.

ALTER TABLE retrain_schedules ADD COLUMN job_config JSONB NOT NULL;
-- the skip rule reads a schedule's latest runs
CREATE INDEX training_jobs_schedule_idx ON training_jobs (tenant_id, schedule_id, fire_time DESC) WHERE schedule_id IS NOT NULL;

CREATE TABLE schedule_fires (
    tenant_id       BIGINT      NOT NULL,
    id              BIGINT GENERATED ALWAYS AS IDENTITY,
    schedule_id     BIGINT      NOT NULL,
    fire_time       TIMESTAMPTZ NOT NULL,
    outcome         TEXT        NOT NULL CHECK (outcome IN ('ENQUEUED', 'SKIPPED', 'FAILED')),
    detail          TEXT        NOT NULL,
    dataset_id      BIGINT,
    job_id          BIGINT,
    decision        TEXT CHECK (decision IN ('PROMOTED', 'CHALLENGER', 'KEPT')),
    decision_reason TEXT,
    version_id      BIGINT,
    decided_at      TIMESTAMPTZ,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    -- one record per fire, however many scheduler replicas saw it
    UNIQUE (tenant_id, schedule_id, fire_time),
    FOREIGN KEY (tenant_id, schedule_id) REFERENCES retrain_schedules (tenant_id, id) ON DELETE CASCADE
);

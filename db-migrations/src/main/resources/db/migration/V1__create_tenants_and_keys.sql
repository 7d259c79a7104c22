-- Tenants, API keys, the audit trail and idempotency records.
-- api_keys and tenants are global lookup tables (a key is found by its prefix before its tenant is known);
-- every other tenant-owned table leads with tenant_id so the schema can be distributed by tenant.

CREATE TABLE tenants (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         TEXT        NOT NULL UNIQUE,
    display_name TEXT        NOT NULL,
    status       TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    suspended_at TIMESTAMPTZ
);

-- tenant_id NULL marks a platform operator key (scope 'operator').
CREATE TABLE api_keys (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    BIGINT REFERENCES tenants (id),
    name         TEXT        NOT NULL,
    prefix       TEXT        NOT NULL UNIQUE,
    secret_hash  BYTEA       NOT NULL,
    scopes       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);
CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id, id);

CREATE TABLE audit_log (
    tenant_id   BIGINT,
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    api_key_id  BIGINT,
    action      TEXT        NOT NULL,
    target_type TEXT        NOT NULL,
    target_id   TEXT,
    detail      JSONB,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (id)
);
CREATE INDEX audit_log_tenant_idx ON audit_log (tenant_id, created_at);

-- One row per (owner, Idempotency-Key): the first response, replayed for repeats.
-- owner is 't<tenant id>' for tenant keys and 'operator' for operator keys.
CREATE TABLE idempotency_records (
    owner           TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_line    TEXT        NOT NULL,
    response_status INT         NOT NULL,
    response_body   TEXT,
    location        TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, idempotency_key)
);

-- Uploaded datasets (one row per name and version) and their rows, stored as compressed columnar blocks.

CREATE TABLE datasets (
    tenant_id   BIGINT      NOT NULL REFERENCES tenants (id),
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    name        TEXT        NOT NULL,
    version     INT         NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('READY', 'DELETED')),
    schema      JSONB       NOT NULL,
    row_count   BIGINT      NOT NULL,
    label_stats JSONB       NOT NULL,
    size_bytes  BIGINT      NOT NULL,
    checksum    TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name, version)
);
CREATE UNIQUE INDEX datasets_id_idx ON datasets (id);

-- Each block holds up to a few thousand rows of every column, in the format of io.ltvcascade.model.data.BlockCodec.
CREATE TABLE dataset_blocks (
    tenant_id  BIGINT NOT NULL,
    dataset_id BIGINT NOT NULL,
    block_no   INT    NOT NULL,
    first_row  BIGINT NOT NULL,
    row_count  INT    NOT NULL,
    data       BYTEA  NOT NULL,
    PRIMARY KEY (tenant_id, dataset_id, block_no),
    FOREIGN KEY (tenant_id, dataset_id) REFERENCES datasets (tenant_id, id) ON DELETE CASCADE
);

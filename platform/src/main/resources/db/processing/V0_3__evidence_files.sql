-- Evidence files (platform io.jointops.platform.evidence), in every service's own schema.
-- The bytes: content-addressed and deduplicated. A blob is stored once per SHA-256, in fixed-size chunks keyed by the
-- upload that first stored it; a Range read touches only the chunks it covers. chunk_hashes is the SHA-256 of each
-- chunk in order (32 bytes each), bound to the item's EvidenceFileAddedEvent by its hash (chunk_list_sha256), so a
-- download verifies each chunk against what the event store logged.
CREATE TABLE evidence_blob (
    sha256       CHAR(64)    PRIMARY KEY,
    size         BIGINT      NOT NULL,
    content_type TEXT        NOT NULL,
    chunk_size   INTEGER     NOT NULL,
    chunk_hashes BYTEA       NOT NULL,
    upload_id    UUID        NOT NULL UNIQUE,
    stored_at    TIMESTAMPTZ NOT NULL
);

-- written chunk by chunk as an upload streams (each insert its own short transaction, so no connection is held while
-- the client sends); an upload that fails deletes its chunks. EXTERNAL: no compression attempt on media that is
-- compressed already, and a substring read fetches only its part.
CREATE TABLE evidence_chunk (
    upload_id UUID    NOT NULL,
    seq       INTEGER NOT NULL,
    data      BYTEA   NOT NULL,
    PRIMARY KEY (upload_id, seq)
);
ALTER TABLE evidence_chunk ALTER COLUMN data SET STORAGE EXTERNAL;

-- The view of the items' files (the evidence processor, from EvidenceFileAdded/-Superseded events of this service's
-- items): what a download looks up after the item's own visibility check.
CREATE TABLE evidence_file (
    file_id           TEXT        PRIMARY KEY,
    item_id           TEXT        NOT NULL,
    item_type         TEXT        NOT NULL,
    sha256            CHAR(64)    NOT NULL,
    size              BIGINT      NOT NULL,
    content_type      TEXT        NOT NULL,
    chunk_size        INTEGER     NOT NULL,
    chunk_list_sha256 CHAR(64)    NOT NULL,
    original_name     TEXT        NOT NULL,
    reason            TEXT        NOT NULL,
    added_by          TEXT        NOT NULL,
    agency            TEXT        NOT NULL,
    added_at          TIMESTAMPTZ NOT NULL,
    added_sequence    BIGINT      NOT NULL,
    supersedes        TEXT,
    superseded_by     TEXT,
    superseded_at     TIMESTAMPTZ
);
CREATE INDEX evidence_file_item ON evidence_file (item_id, added_sequence);

-- Each file's chain of custody, one row per event (added, shared, superseded, read, integrity failure), keyed by the
-- event's id so a replay or redelivery adds nothing twice; position orders them (the global index, never shown).
CREATE TABLE evidence_custody (
    event_id TEXT        PRIMARY KEY,
    file_id  TEXT        NOT NULL,
    item_id  TEXT        NOT NULL,
    position BIGINT      NOT NULL,
    at       TIMESTAMPTZ NOT NULL,
    entry    JSONB       NOT NULL
);
CREATE INDEX evidence_custody_file ON evidence_custody (file_id, position);

-- Tamper evidence (docs/audit-format.md): the notary's record of the log and the checkpoints the agencies sign.
-- Written only by the notary (jointops.notary.enabled), read by its API; every service migrates the tables.

-- One row per event in the Merkle tree, leaf i being the i-th event in global order that the notary took in.
-- content_hash is the event's hash over its canonical form, chained through previous_hash to the event before it in
-- its aggregate (32 zero bytes for sequence 0). Aggregate, sequence and event identifier are kept for look-ups and
-- messages; what is proven is the content hash.
CREATE TABLE audit_leaf (
    leaf_index           BIGINT       NOT NULL PRIMARY KEY,
    global_index         BIGINT       NOT NULL UNIQUE,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    previous_hash        BYTEA        NOT NULL CHECK (octet_length(previous_hash) = 32),
    content_hash         BYTEA        NOT NULL CHECK (octet_length(content_hash) = 32)
);
CREATE INDEX audit_leaf_aggregate ON audit_leaf (aggregate_identifier, sequence_number);

-- Checkpoints (signed tree heads). The signed text is rebuilt from these columns (Checkpoint#signedBody), so a
-- column changed afterwards no longer matches the agencies' signatures.
CREATE TABLE audit_checkpoint (
    tree_size     BIGINT       NOT NULL PRIMARY KEY,
    origin        VARCHAR(64)  NOT NULL,
    root_hash     BYTEA        NOT NULL CHECK (octet_length(root_hash) = 32),
    issued_at     VARCHAR(64)  NOT NULL,
    last_position BIGINT       NOT NULL,
    agencies      VARCHAR(1024) NOT NULL
);

-- One Ed25519 signature per participating agency; a checkpoint is complete when all its agencies have signed.
CREATE TABLE audit_checkpoint_signature (
    tree_size BIGINT       NOT NULL REFERENCES audit_checkpoint (tree_size),
    agency    VARCHAR(64)  NOT NULL,
    key_id    VARCHAR(16)  NOT NULL,
    signature BYTEA        NOT NULL,
    signed_at VARCHAR(64)  NOT NULL,
    PRIMARY KEY (tree_size, agency)
);

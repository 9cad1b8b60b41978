-- Crypto-shredding (docs/privacy.md): the keys that encrypt the personal fields of events, one per data subject and
-- item. Destroying a key (data_key set to NULL) erases its fields in every stored event, export and view rebuilt
-- after it, while the events' bytes, and so the audit log's hashes, stay as they are.
CREATE TABLE personal_data_key (
    key_id       UUID         NOT NULL PRIMARY KEY,
    -- HMAC-SHA256 (base64url) of the subject's normal form under personal_data_secret: no identifier is stored here
    subject_ref  VARCHAR(64)  NOT NULL,
    item_id      VARCHAR(255) NOT NULL,
    item_type    VARCHAR(255),
    agency       VARCHAR(64),
    data_key     BYTEA        CHECK (data_key IS NULL OR octet_length(data_key) = 32),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    destroyed_at TIMESTAMPTZ,
    -- the erasure order or retention rule that destroyed it
    destroyed_by VARCHAR(255),
    CONSTRAINT personal_data_key_destroyed CHECK ((data_key IS NULL) = (destroyed_at IS NOT NULL))
);
-- one live key per subject and item; a destroyed one stays as a record, and a later event gets a new key
CREATE UNIQUE INDEX personal_data_key_live ON personal_data_key (subject_ref, item_id) WHERE data_key IS NOT NULL;
CREATE INDEX personal_data_key_item ON personal_data_key (item_id);

-- A key row changes once, when it is destroyed, and only that way: no key is replaced or revived.
CREATE FUNCTION personal_data_key_destroy_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.data_key IS NULL OR NEW.data_key IS NOT NULL OR NEW.destroyed_at IS NULL
            OR NEW.key_id <> OLD.key_id OR NEW.subject_ref <> OLD.subject_ref OR NEW.item_id <> OLD.item_id
            OR NEW.item_type IS DISTINCT FROM OLD.item_type OR NEW.agency IS DISTINCT FROM OLD.agency
            OR NEW.created_at <> OLD.created_at THEN
        RAISE EXCEPTION 'a personal data key is only ever destroyed (key %)', OLD.key_id;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER personal_data_key_destroy_only BEFORE UPDATE ON personal_data_key
    FOR EACH ROW EXECUTE FUNCTION personal_data_key_destroy_only();

-- The secret that data subjects' references are keyed with, made here once: 244 random bits of two version-4 UUIDs
-- (gen_random_uuid draws from PostgreSQL's strong random source; pgcrypto is not needed).
CREATE TABLE personal_data_secret (
    id     SMALLINT NOT NULL PRIMARY KEY CHECK (id = 1),
    secret BYTEA    NOT NULL CHECK (octet_length(secret) = 32)
);
INSERT INTO personal_data_secret (id, secret)
VALUES (1, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- A subject's key may be stored wrapped by a key in an HSM or KMS (jointops.privacy.wrapping-key, docs/privacy.md):
-- AES-GCM, its 12-byte IV first and its 16-byte tag last. wrapped_by names the wrapping key (NULL: stored as it is),
-- so a service without it refuses the key by name instead of using the wrapped bytes as a key.
ALTER TABLE personal_data_key ADD COLUMN wrapped_by VARCHAR(255);
ALTER TABLE personal_data_key DROP CONSTRAINT personal_data_key_data_key_check;
ALTER TABLE personal_data_key ADD CONSTRAINT personal_data_key_length CHECK (data_key IS NULL
    OR (wrapped_by IS NULL AND octet_length(data_key) = 32)
    OR (wrapped_by IS NOT NULL AND octet_length(data_key) = 12 + 32 + 16));

-- still only ever destroyed: and its wrapping stays what it was
CREATE OR REPLACE FUNCTION personal_data_key_destroy_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.data_key IS NULL OR NEW.data_key IS NOT NULL OR NEW.destroyed_at IS NULL
            OR NEW.key_id <> OLD.key_id OR NEW.subject_ref <> OLD.subject_ref OR NEW.item_id <> OLD.item_id
            OR NEW.item_type IS DISTINCT FROM OLD.item_type OR NEW.agency IS DISTINCT FROM OLD.agency
            OR NEW.created_at <> OLD.created_at OR NEW.wrapped_by IS DISTINCT FROM OLD.wrapped_by THEN
        RAISE EXCEPTION 'a personal data key is only ever destroyed (key %)', OLD.key_id;
    END IF;
    RETURN NEW;
END
$$;

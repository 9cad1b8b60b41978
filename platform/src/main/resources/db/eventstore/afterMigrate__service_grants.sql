-- What the services' own database roles may do in the shared eventstore schema (docs/runbook.md, "Database roles"),
-- run after every migration by the role that migrates (the schema's owner), so the grants always match this file:
-- everything is revoked and granted again, in one transaction. The grantees are two group roles, when they exist (a
-- database where the services connect as the owner has neither, and nothing here changes it):
--   jointops_service  every service's runtime role: reads events and appends them, never updates, deletes or
--                     truncates one (append-only); reads snapshots (none are written: a snapshotter needs INSERT and
--                     DELETE on snapshot_event_entry granted here first); reads the audit log's leaves, checkpoints
--                     and signatures (each context exports its own items' bundles), never writes them;
--                     reads and adds the data subjects' keys and reads their secret (docs/privacy.md), never
--                     destroys a key
--   jointops_notary   the runtime role of the service that runs the notary: reads events, and reads and appends the
--                     audit log's leaves, checkpoints and signatures, never changes or deletes them; it also runs
--                     the erasure workflow, so it destroys keys (UPDATE of the three columns a destruction sets; a
--                     trigger refuses any other change), never deletes a key's row
-- Tables and sequences added later get nothing until they are named here. The owner keeps all of its rights.
DO $$
DECLARE
    service CONSTANT text := 'jointops_service';
    notary  CONSTANT text := 'jointops_notary';
BEGIN
    -- one migrating service at a time: concurrent GRANTs on one table fail with "tuple concurrently updated"
    PERFORM pg_advisory_xact_lock(hashtext('jointops.grants.eventstore'));
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = service) AND service <> current_user THEN
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA eventstore FROM %I', service);
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA eventstore FROM %I', service);
        EXECUTE format('GRANT USAGE ON SCHEMA eventstore TO %I', service);
        EXECUTE format('GRANT SELECT, INSERT ON eventstore.domain_event_entry TO %I', service);
        EXECUTE format('GRANT SELECT ON eventstore.snapshot_event_entry TO %I', service);
        EXECUTE format('GRANT SELECT ON eventstore.audit_leaf, eventstore.audit_checkpoint, '
                       || 'eventstore.audit_checkpoint_signature TO %I', service);
        EXECUTE format('GRANT SELECT, INSERT ON eventstore.personal_data_key TO %I', service);
        EXECUTE format('GRANT SELECT ON eventstore.personal_data_secret TO %I', service);
        -- each listener's channels (V15): written by the listening connection, read by the announcers
        EXECUTE format('GRANT SELECT, INSERT, DELETE ON eventstore.event_listener TO %I', service);
        -- the global index (BIGSERIAL) of an appended event
        EXECUTE format('GRANT USAGE ON SEQUENCE eventstore.domain_event_entry_global_index_seq TO %I', service);
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = notary) AND notary <> current_user THEN
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA eventstore FROM %I', notary);
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA eventstore FROM %I', notary);
        EXECUTE format('GRANT USAGE ON SCHEMA eventstore TO %I', notary);
        EXECUTE format('GRANT SELECT ON eventstore.domain_event_entry TO %I', notary);
        EXECUTE format('GRANT SELECT, INSERT ON eventstore.audit_leaf, eventstore.audit_checkpoint, '
                       || 'eventstore.audit_checkpoint_signature TO %I', notary);
        EXECUTE format('GRANT SELECT, UPDATE (data_key, destroyed_at, destroyed_by) ON eventstore.personal_data_key '
                       || 'TO %I', notary);
    END IF;
END
$$;

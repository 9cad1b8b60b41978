-- What a service's own database role may do in the service's schema (docs/runbook.md, "Database roles"), run after
-- every migration by the role that migrates (the schema's owner), so the grants always match this file: everything
-- is revoked and granted again, in one transaction. The grantee is the role jointops_<schema> (jointops_cases for
-- schema cases), when it exists (a database where the service connects as the owner has none, and nothing here
-- changes it). It reads and writes every table of its schema (views, tokens, sagas, deadlines): SELECT, INSERT, UPDATE,
-- DELETE, and TRUNCATE (a view's reset handler empties its tables so before a replay; it can do no more than DELETE
-- can), and uses its sequences; it creates, alters and drops nothing, and never touches Flyway's history. No other
-- service's role gets anything here.
DO $$
DECLARE
    target  CONSTANT text := '${flyway:defaultSchema}';
    service CONSTANT text := 'jointops_' || '${flyway:defaultSchema}';
    t record;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = service) OR service = current_user THEN
        RETURN;
    END IF;
    -- one migrating replica at a time: concurrent GRANTs on one table fail with "tuple concurrently updated"
    PERFORM pg_advisory_xact_lock(hashtext('jointops.grants.' || target));
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', target, service);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', target, service);
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', target, service);
    FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = target AND c.relkind IN ('r', 'p') AND c.relname <> '${flyway:table}'
    LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON %I.%I TO %I', target, t.relname, service);
    END LOOP;
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', target, service);
END
$$;

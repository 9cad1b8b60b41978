-- The database roles of JointOps, for a PostgreSQL whose roles JointOps does not create itself: a database given to the
-- launcher with --db-url, or a cluster without CloudNativePG's managed roles (k8s/base/data/jointops-db.yaml declares
-- the same roles there). docs/runbook.md, "Database roles", explains them. Run it as a superuser (or a role with
-- CREATEROLE that may grant pg_read_all_stats), connected to the application database, first and after any change;
-- running it again sets the passwords again and changes nothing else:
--
--   psql -v ON_ERROR_STOP=1 -d jointops -v owner=jointops \
--        -v cases_password="$(openssl rand -base64 32)" -v intel_password="$(openssl rand -base64 32)" \
--        -v finance_password="$(openssl rand -base64 32)" -v chemicals_password="$(openssl rand -base64 32)" \
--        -f k8s/database-roles.sql
--
-- :owner is an existing role that owns the database and runs the migrations: the login of each service's migrate-only
-- run (--jointops.migrate-only; the launcher's --db-user, a Kubernetes pod's init container), never of a running
-- service, which logs in with its own role below. It must not be a superuser: it owns the event store, and an owner
-- may do anything to its tables. What the services' roles may do in the schemas is granted by the migrations
-- themselves (their afterMigrate callbacks, run by the owner before every start of a service), so a new table is
-- covered without a change here.

-- every service's role is in jointops_service: it reads and appends events, and may not change, delete or truncate one;
-- it reads the audit log (to export its own items' bundles) and may not write it
-- the role of the service that runs the notary (case-service) is also in jointops_notary: it reads and appends the
-- audit log, and reads every session's transaction start (pg_stat_activity) to settle gaps in global positions at once
SELECT format('CREATE ROLE %I', name)
FROM unnest(ARRAY['jointops_service', 'jointops_notary', 'jointops_cases', 'jointops_intel', 'jointops_finance',
                  'jointops_chemicals']) AS name
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = name) \gexec

ALTER ROLE jointops_service WITH NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE jointops_notary WITH NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
GRANT pg_read_all_stats TO jointops_notary;

-- one login per service, named jointops_<schema>: the migrations grant it its own schema's rows and nothing of another's
ALTER ROLE jointops_cases WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT
    PASSWORD :'cases_password';
ALTER ROLE jointops_intel WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT
    PASSWORD :'intel_password';
ALTER ROLE jointops_finance WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT
    PASSWORD :'finance_password';
ALTER ROLE jointops_chemicals WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT
    PASSWORD :'chemicals_password';
GRANT jointops_service TO jointops_cases, jointops_intel, jointops_finance, jointops_chemicals;
GRANT jointops_notary TO jointops_cases;

-- the schemas, owned by the owner (the migrations create them too, if the owner may create schemas in the database)
CREATE SCHEMA IF NOT EXISTS eventstore AUTHORIZATION :"owner";
CREATE SCHEMA IF NOT EXISTS cases AUTHORIZATION :"owner";
CREATE SCHEMA IF NOT EXISTS intel AUTHORIZATION :"owner";
CREATE SCHEMA IF NOT EXISTS finance AUTHORIZATION :"owner";
CREATE SCHEMA IF NOT EXISTS chemicals AUTHORIZATION :"owner";

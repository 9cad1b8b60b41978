package io.jointops.platform.axon;

import io.jointops.platform.JointOpsApplication;
import io.jointops.platform.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The grants the migrations' {@code afterMigrate} callbacks give the services' own database roles, tried as an attacker
 * would: with the migration role owning the schemas (as the launcher and the Kubernetes manifests set it up), a
 * service's role reads and appends events but cannot update, delete or truncate one, nor the audit log's tables; it
 * works its own schema's rows (a view's reset handler truncates them) but creates, alters and drops nothing there;
 * another service's schema is closed to it.
 * Only a service whose role is in {@code jointops_notary} may append to the audit tables; every service reads them (it
 * exports its own items' bundles). Needs a database user that may
 * create roles (the embedded one is a superuser); skipped otherwise.
 */
class DatabaseRolesIT {

    private static final String DATABASE = "database_roles";
    private static final String OWNER = "database_roles_owner";
    /** A service with the notary (like case-service) and one without; their schemas, and their roles by convention. */
    private static final String NOTARY_SCHEMA = "roles_a";
    private static final String OTHER_SCHEMA = "roles_b";
    private static final String NOTARY_ROLE = "jointops_" + NOTARY_SCHEMA;
    private static final String OTHER_ROLE = "jointops_" + OTHER_SCHEMA;
    private static final String PASSWORD = "database-roles-it";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String LOGGING_SYSTEM = org.springframework.boot.logging.LoggingSystem.SYSTEM_PROPERTY;

    private static DriverManagerDataSource database;
    private static String url;

    @BeforeAll
    static void rolesAndMigrations() throws Exception {
        try (Connection admin = TestDatabase.dataSource().getConnection(); Statement s = admin.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user");
            Assumptions.assumeTrue(rs.next() && rs.getBoolean(1), "the test database's user may not create roles");
        }
        database = TestDatabase.ownDatabase(DATABASE, false);
        // without the user the embedded library's URL names (?user=postgres): it would win over the role connecting
        url = database.getUrl().replaceAll("([?&])(user|password)=[^&]*&?", "$1").replaceAll("[?&]$", "");
        try (Connection admin = database.getConnection(); Statement s = admin.createStatement()) {
            // what the launcher does on its embedded PostgreSQL, and an operator on any other (docs/runbook.md)
            for (String role : List.of(NOTARY_ROLE, OTHER_ROLE, OWNER)) {
                s.execute("DROP ROLE IF EXISTS " + role);
            }
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jointops_service') THEN "
                    + "CREATE ROLE jointops_service NOLOGIN; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                    + "'jointops_notary') THEN CREATE ROLE jointops_notary NOLOGIN; END IF; END $$");
            s.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + PASSWORD + "'");
            s.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + OWNER);
            s.execute("CREATE ROLE " + NOTARY_ROLE + " LOGIN PASSWORD '" + PASSWORD + "' IN ROLE jointops_service, jointops_notary");
            s.execute("CREATE ROLE " + OTHER_ROLE + " LOGIN PASSWORD '" + PASSWORD + "' IN ROLE jointops_service");
        }
        migrateAsOwner();
    }

    @AfterAll
    static void dropRoles() throws SQLException {
        if (database == null) {
            return;
        }
        try (Connection admin = TestDatabase.dataSource().getConnection(); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            for (String role : List.of(NOTARY_ROLE, OTHER_ROLE, OWNER)) {
                s.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    /**
     * As each service's migrate-only run does before its process starts (JointOpsApplication, run by the launcher and by
     * the Kubernetes init containers): the shared event store and the service's own schema, each with its callback.
     */
    private static void migrateAsOwner() {
        for (String schema : List.of(NOTARY_SCHEMA, OTHER_SCHEMA)) {
            assertThat(migrate(OWNER, schema)).as("exit status of the migrate-only run of " + schema).isZero();
        }
    }

    private static int migrate(String user, String schema) {
        return JointOpsApplication.migrate(JointOpsApplication.MIGRATE_ONLY, "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + PASSWORD,
                "--jointops.schema=" + schema, "--spring.main.banner-mode=off");
    }

    @Test
    void theOwnerMigratesEverythingAndOwnsItAndAgainAtTheNextStart() throws SQLException {
        migrateAsOwner(); // a restart: nothing to migrate, the grants are set again
        try (Connection owner = connect(OWNER, "eventstore"); Statement s = owner.createStatement()) {
            for (String schema : List.of("eventstore", NOTARY_SCHEMA, OTHER_SCHEMA)) {
                assertThat(single(s, "SELECT count(*) FILTER (WHERE NOT success) FROM " + schema + ".flyway_schema_history"))
                        .isEqualTo("0");
                assertThat(single(s, "SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema
                        + "' AND tableowner <> '" + OWNER + "'")).as(schema).isEqualTo("0");
            }
        }
        serviceAppendsAndReadsEventsButNeverChangesThem();
    }

    @Test
    void aServicesRoleCannotMigrateAndTheMigrateOnlyRunSaysSoByItsExitStatus() throws SQLException {
        String before;
        try (Connection owner = connect(OWNER, "eventstore"); Statement s = owner.createStatement()) {
            before = single(s, "SELECT count(*) || '/' || max(installed_rank) FROM eventstore.flyway_schema_history");
        }
        assertThat(migrate(OTHER_ROLE, OTHER_SCHEMA)).isEqualTo(1);
        try (Connection owner = connect(OWNER, "eventstore"); Statement s = owner.createStatement()) {
            assertThat(single(s, "SELECT count(*) || '/' || max(installed_rank) FROM eventstore.flyway_schema_history"))
                    .isEqualTo(before);
        }
    }

    @Test
    void serviceAppendsAndReadsEventsButNeverChangesThem() throws SQLException {
        for (String role : List.of(NOTARY_ROLE, OTHER_ROLE)) {
            try (Connection service = connect(role, role.substring("jointops_".length())); Statement s = service.createStatement()) {
                String id = role + "-" + System.nanoTime();
                s.executeUpdate("INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) VALUES ('"
                        + id + "', '" + id + "', 0, 'Test', '2026-12-01T10:00:00Z', 'io.jointops.Tested', '1', "
                        + "convert_to('{}', 'UTF8'), convert_to('{}', 'UTF8'))");
                assertThat(single(s, "SELECT count(*) FROM eventstore.domain_event_entry WHERE event_identifier = '" + id + "'"))
                        .isEqualTo("1");
                assertThat(single(s, "SELECT count(*) FROM eventstore.snapshot_event_entry")).isEqualTo("0");

                refused(s, "UPDATE eventstore.domain_event_entry SET payload = convert_to('{\"forged\":1}', 'UTF8')");
                refused(s, "UPDATE eventstore.domain_event_entry SET payload_type = 'x' WHERE event_identifier = '" + id + "'");
                refused(s, "DELETE FROM eventstore.domain_event_entry WHERE event_identifier = '" + id + "'");
                refused(s, "TRUNCATE eventstore.domain_event_entry");
                refused(s, "INSERT INTO eventstore.snapshot_event_entry (aggregate_identifier, sequence_number, type, "
                        + "event_identifier, time_stamp, payload_type, payload) VALUES ('" + id + "', 5, 'T', '" + id
                        + "-s', 'now', 'x', '\\x00')");
                refused(s, "DELETE FROM eventstore.snapshot_event_entry");
                refused(s, "ALTER TABLE eventstore.domain_event_entry DISABLE TRIGGER ALL");
                refused(s, "DROP TABLE eventstore.domain_event_entry");
                refused(s, "CREATE TABLE eventstore.shadow (id int)");
                refused(s, "SELECT * FROM eventstore.flyway_schema_history");
                refused(s, "SELECT setval('eventstore.domain_event_entry_global_index_seq', 1)");
                refused(s, "SET ROLE " + OWNER);
                assertThat(single(s, "SELECT count(*) FROM eventstore.domain_event_entry WHERE event_identifier = '" + id
                        + "' AND payload_type = 'io.jointops.Tested'")).isEqualTo("1");
            }
        }
    }

    @Test
    void onlyTheNotarysRoleAppendsToTheAuditLogEveryServiceReadsItAndNobodyChangesIt() throws SQLException {
        long size = System.nanoTime();
        try (Connection notary = connect(NOTARY_ROLE, NOTARY_SCHEMA); Statement s = notary.createStatement()) {
            s.executeUpdate("INSERT INTO eventstore.audit_leaf VALUES (" + size + ", " + size + ", 'e', 'a', 0, "
                    + "decode(repeat('00', 32), 'hex'), decode(repeat('11', 32), 'hex'))");
            s.executeUpdate("INSERT INTO eventstore.audit_checkpoint VALUES (" + size + ", 'jointops', "
                    + "decode(repeat('22', 32), 'hex'), 'now', 1, 'CN-NNCC')");
            String signature = "INSERT INTO eventstore.audit_checkpoint_signature VALUES (" + size
                    + ", 'CN-NNCC', 'k1', '\\x01', 'now') ON CONFLICT (tree_size, agency) DO NOTHING";
            assertThat(s.executeUpdate(signature)).isEqualTo(1);
            assertThat(s.executeUpdate(signature)).as("a signature already held stays as it is").isZero();
            for (String table : List.of("audit_leaf", "audit_checkpoint", "audit_checkpoint_signature")) {
                String key = table.equals("audit_leaf") ? "leaf_index" : "tree_size";
                assertThat(single(s, "SELECT count(*) FROM eventstore." + table + " WHERE " + key + " = " + size))
                        .isEqualTo("1");
                refused(s, "DELETE FROM eventstore." + table);
                refused(s, "TRUNCATE eventstore." + table);
            }
            refused(s, "UPDATE eventstore.audit_leaf SET content_hash = decode(repeat('33', 32), 'hex')");
            refused(s, "UPDATE eventstore.audit_checkpoint SET root_hash = decode(repeat('33', 32), 'hex')");
            refused(s, "UPDATE eventstore.audit_checkpoint_signature SET signature = '\\x02'");
            refused(s, "INSERT INTO eventstore.audit_checkpoint_signature VALUES (" + size
                    + ", 'CN-NNCC', 'k2', '\\x02', 'now') ON CONFLICT (tree_size, agency) DO UPDATE SET signature = '\\x02'");
        }
        try (Connection other = connect(OTHER_ROLE, OTHER_SCHEMA); Statement s = other.createStatement()) {
            // it reads the log, to export its own items' bundles, and changes nothing of it
            for (String table : List.of("audit_leaf", "audit_checkpoint", "audit_checkpoint_signature")) {
                String key = table.equals("audit_leaf") ? "leaf_index" : "tree_size";
                assertThat(single(s, "SELECT count(*) FROM eventstore." + table + " WHERE " + key + " = " + size))
                        .isEqualTo("1");
                refused(s, "DELETE FROM eventstore." + table);
                refused(s, "TRUNCATE eventstore." + table);
            }
            refused(s, "INSERT INTO eventstore.audit_leaf VALUES (" + (size + 1) + ", " + (size + 1) + ", 'e', 'a', 0, "
                    + "decode(repeat('00', 32), 'hex'), decode(repeat('11', 32), 'hex'))");
            refused(s, "INSERT INTO eventstore.audit_checkpoint VALUES (" + (size + 1) + ", 'jointops', "
                    + "decode(repeat('22', 32), 'hex'), 'now', 1, 'CN-NNCC')");
            refused(s, "INSERT INTO eventstore.audit_checkpoint_signature VALUES (" + size + ", 'US-DEA', 'k', '\\x01', 'now')");
            refused(s, "UPDATE eventstore.audit_leaf SET content_hash = decode(repeat('33', 32), 'hex')");
            refused(s, "UPDATE eventstore.audit_checkpoint SET root_hash = decode(repeat('33', 32), 'hex')");
            refused(s, "UPDATE eventstore.audit_checkpoint_signature SET signature = '\\x02'");
        }
    }

    @Test
    void aServiceWorksItsOwnSchemasRowsButNotItsTablesAndNeverAnotherServicesSchema() throws SQLException {
        try (Connection service = connect(NOTARY_ROLE, NOTARY_SCHEMA); Statement s = service.createStatement()) {
            // tokens are claimed and extended by UPDATE, released and reset by UPDATE and DELETE; sagas use a sequence
            s.executeUpdate("INSERT INTO token_entry (processor_name, segment, owner) VALUES ('view', 0, 'node')");
            assertThat(s.executeUpdate("UPDATE token_entry SET owner = NULL WHERE processor_name = 'view'")).isEqualTo(1);
            s.executeUpdate("INSERT INTO association_value_entry (association_key, association_value, saga_id, saga_type) "
                    + "VALUES ('k', 'v', 's', 't')");
            assertThat(single(s, "SELECT count(*) FROM association_value_entry")).isEqualTo("1");
            assertThat(s.executeUpdate("DELETE FROM token_entry WHERE processor_name = 'view'")).isEqualTo(1);
            s.executeUpdate("DELETE FROM association_value_entry");
            s.execute("TRUNCATE association_value_entry"); // a view's reset handler empties its tables before a replay

            refused(s, "CREATE TABLE " + NOTARY_SCHEMA + ".shadow (id int)");
            refused(s, "DROP TABLE token_entry");
            refused(s, "ALTER TABLE token_entry ADD COLUMN x int");
            refused(s, "SELECT * FROM " + NOTARY_SCHEMA + ".flyway_schema_history");
            refused(s, "DELETE FROM " + NOTARY_SCHEMA + ".flyway_schema_history");
            // another service's schema: neither read nor written
            refused(s, "SELECT count(*) FROM " + OTHER_SCHEMA + ".token_entry");
            refused(s, "INSERT INTO " + OTHER_SCHEMA + ".token_entry (processor_name, segment) VALUES ('x', 0)");
            refused(s, "DELETE FROM " + OTHER_SCHEMA + ".scheduled_tasks");
            refused(s, "TRUNCATE " + OTHER_SCHEMA + ".token_entry");
        }
        try (Connection other = connect(OTHER_ROLE, OTHER_SCHEMA); Statement s = other.createStatement()) {
            refused(s, "SELECT count(*) FROM " + NOTARY_SCHEMA + ".token_entry");
            refused(s, "UPDATE " + NOTARY_SCHEMA + ".token_entry SET owner = 'me'");
        }
    }

    /**
     * Each service registers the channels its listener hears (EventStoreWakeUp's statement, as its role runs it); a
     * stolen login of another service can neither delete those rows (its announcers would then stop announcing to the
     * listener) nor register channels under another connection, nor change a row; it deletes rows of connections
     * that are gone, as every registration does.
     */
    @Test
    void aServiceRegistersItsOwnListenerOnlyAndCannotSilenceAnothers() throws Exception {
        try (Connection listener = connect(NOTARY_ROLE, NOTARY_SCHEMA); Statement s = listener.createStatement();
             Connection thief = connect(OTHER_ROLE, OTHER_SCHEMA); Statement t = thief.createStatement()) {
            String pid = single(s, "SELECT pg_backend_pid()");
            try (var register = listener.prepareStatement(EventStoreWakeUp.REGISTER)) {
                register.setArray(1, listener.createArrayOf("text", new Object[]{"jointops_events_a", "jointops_events_b"}));
                register.execute();
            }
            String rows = "SELECT string_agg(channel, ',' ORDER BY channel) FROM eventstore.event_listener WHERE backend_pid = " + pid;
            assertThat(single(t, rows)).as("read by every service's announcer").isEqualTo("jointops_events_a,jointops_events_b");

            assertThat(t.executeUpdate("DELETE FROM eventstore.event_listener WHERE backend_pid = " + pid))
                    .as("rows of another service's live listener deleted").isZero();
            assertThat(t.executeUpdate("DELETE FROM eventstore.event_listener")).isZero();
            refused(t, "INSERT INTO eventstore.event_listener (backend_pid, channel) VALUES (" + pid + ", 'jointops_events')");
            refused(t, "UPDATE eventstore.event_listener SET channel = 'jointops_events_x' WHERE backend_pid = " + pid);
            refused(t, "TRUNCATE eventstore.event_listener");
            assertThat(single(s, rows)).isEqualTo("jointops_events_a,jointops_events_b");

            // the listener's connection ends: its rows are anyone's to delete
            listener.close();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            while (!single(t, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid).equals("0")
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(t.executeUpdate("DELETE FROM eventstore.event_listener WHERE backend_pid = " + pid)).isEqualTo(2);
        }
    }

    @Test
    void servicesMigratingAtOnceSetTheGrantsWithoutTrippingOverEachOther() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        // the launcher runs them as processes of their own; in one JVM, Spring Boot's logging set-up is not thread-safe
        System.setProperty(LOGGING_SYSTEM, "none");
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                starts.add(pool.submit(DatabaseRolesIT::migrateAsOwner));
            }
            for (Future<?> start : starts) {
                start.get(); // "tuple concurrently updated" from two GRANTs on one table would fail a start here
            }
        } finally {
            pool.shutdownNow();
            System.clearProperty(LOGGING_SYSTEM);
        }
        serviceAppendsAndReadsEventsButNeverChangesThem();
    }

    private static Connection connect(String role, String schema) throws SQLException {
        return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, role, PASSWORD);
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The statement fails for want of a privilege (autocommit: the failure aborts nothing else). */
    private static void refused(Statement s, String sql) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }
}

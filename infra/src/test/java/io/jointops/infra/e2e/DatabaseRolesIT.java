package io.jointops.infra.e2e;

import io.jointops.infra.DatabaseCredentials;
import io.jointops.infra.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The launched platform's database as an attacker who has taken over a service's connection would find it: every
 * service runs as its own role, which cannot change, delete or truncate events or the audit log, and cannot read or
 * write another service's schema; the schemas' owner ran every migration; every login needs its password; and the
 * database is durable; a service's process holds no other login than its own role's (the schemas' owner's went only to
 * the migrate-only runs before it). (The grants themselves are tested in detail by platform's {@code DatabaseRolesIT}.)
 */
@ExtendWith(RunningPlatform.class)
class DatabaseRolesIT {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final Map<String, String> VIEWS = Map.of("cases", "case_view", "intel", "intel_report_view",
            "finance", "transaction_report_view", "chemicals", "notification_view");

    static Platform platform;

    @BeforeAll
    static void platform() {
        RunningPlatform.gateway();
        platform = RunningPlatform.platform();
    }

    @Test
    void theDatabaseIsDurable() throws SQLException {
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertThat(single(s, "SHOW " + setting)).as(setting).isEqualTo("on");
            }
        }
    }

    @Test
    void eachServiceRunsAsItsOwnRoleAndTheOwnerRanEveryMigration() throws SQLException {
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            List<String> users = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT usename FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                    + " AND backend_type = 'client backend' AND datname = current_database()")) {
                while (rs.next()) users.add(rs.getString(1));
            }
            assertThat(users).as("the services' connections").containsExactlyInAnyOrder(
                    "jointops_cases", "jointops_intel", "jointops_finance", "jointops_chemicals");
            for (String schema : List.of("eventstore", "cases", "intel", "finance", "chemicals")) {
                assertThat(single(s, "SELECT string_agg(DISTINCT installed_by, ',') || '/' || bool_and(success) FROM "
                        + schema + ".flyway_schema_history WHERE version IS NOT NULL"))
                        .as(schema).isEqualTo(DatabaseCredentials.OWNER + "/true");
                assertThat(single(s, "SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "' AND tableowner <> '"
                        + DatabaseCredentials.OWNER + "'")).as(schema).isEqualTo("0");
            }
            assertThat(single(s, "SELECT pg_has_role('jointops_cases', 'pg_read_all_stats', 'MEMBER')"))
                    .as("the notary's role sees every session's transaction start").isEqualTo("t");
            for (String role : List.of(DatabaseCredentials.OWNER, "jointops_cases", "jointops_intel")) {
                assertThat(single(s, "SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles "
                        + "WHERE rolname = '" + role + "'")).as(role).isEqualTo("f");
            }
        }
    }

    @Test
    void aServicesRoleCannotChangeEventsOrTheAuditLogNorTouchAnotherServicesSchema() throws SQLException {
        for (Map.Entry<String, String> own : VIEWS.entrySet()) {
            try (Connection service = as(own.getKey()); Statement s = service.createStatement()) {
                assertThat(single(s, "SELECT count(*) FROM " + own.getKey() + "." + own.getValue())).isNotNull();
                assertThat(single(s, "SELECT count(*) FROM eventstore.domain_event_entry")).isNotNull();
                refused(s, "UPDATE eventstore.domain_event_entry SET payload = payload");
                refused(s, "DELETE FROM eventstore.domain_event_entry WHERE global_index = (SELECT max(global_index) "
                        + "FROM eventstore.domain_event_entry)");
                refused(s, "TRUNCATE eventstore.domain_event_entry");
                for (String table : List.of("audit_leaf", "audit_checkpoint", "audit_checkpoint_signature")) {
                    refused(s, "DELETE FROM eventstore." + table);
                    refused(s, "TRUNCATE eventstore." + table);
                }
                refused(s, "UPDATE eventstore.audit_leaf SET content_hash = content_hash");
                refused(s, "UPDATE eventstore.audit_checkpoint SET root_hash = root_hash");
                refused(s, "UPDATE eventstore.audit_checkpoint_signature SET signature = signature");
                refused(s, "CREATE TABLE " + own.getKey() + ".shadow (id int)");
                refused(s, "DROP TABLE " + own.getKey() + "." + own.getValue());
                for (Map.Entry<String, String> other : VIEWS.entrySet()) {
                    if (other.getKey().equals(own.getKey())) continue;
                    refused(s, "SELECT count(*) FROM " + other.getKey() + "." + other.getValue());
                    refused(s, "DELETE FROM " + other.getKey() + "." + other.getValue());
                    refused(s, "TRUNCATE " + other.getKey() + "." + other.getValue());
                    refused(s, "UPDATE " + other.getKey() + ".token_entry SET owner = NULL");
                }
                // every service reads the log (it exports its own items' bundles); only the notary's appends to it
                assertThat(single(s, "SELECT count(*) FROM eventstore.audit_leaf")).isNotNull();
                if (!own.getKey().equals("cases")) {
                    refused(s, "INSERT INTO eventstore.audit_checkpoint VALUES (-1, 'jointops', "
                            + "decode(repeat('22', 32), 'hex'), 'now', 1, 'CN-NNCC')");
                }
            }
        }
    }

    /**
     * An attacker who has taken over a service's process reads what the process was given: its command line (system
     * properties included), its environment. Neither holds the schemas' owner's login or the administrator's, only the
     * service's own role's, and with that it can append events but not change or delete one. The owner's login went
     * only to the migrate-only runs, which have exited; they ran every migration and set the grants.
     */
    @Test
    void aRunningServiceProcessHoldsOnlyItsOwnRolesLoginWhichCannotChangeEvents() throws Exception {
        String ownerPassword = platform.migrationLogin().password();
        String adminPassword = platform.options().dbPassword();
        for (Platform.Service service : Platform.SERVICES) {
            ProcessHandle process = serviceProcess(service);
            List<String> commandLine = commandLine(process.pid());
            Map<String, String> environment = environment(process.pid());
            List<String> given = new ArrayList<>(commandLine);
            environment.forEach((name, value) -> given.add(name + "=" + value));
            List<String> leaks = given.stream()
                    .filter(token -> holds(token, ownerPassword) || holds(token, adminPassword)
                            || token.contains(DatabaseCredentials.OWNER)
                            || token.toLowerCase(java.util.Locale.ROOT).contains("flyway")
                            || token.contains("migrate-only")
                            || token.contains("from-the-shell-never-inherited")) // infra/pom.xml
                    .map(token -> token.contains("=") ? token.substring(0, token.indexOf('=')) : token)
                    .toList();
            assertThat(leaks).as(service.name() + ": arguments and variables with the owner's or the administrator's "
                    + "login, Flyway's or the shell's (named only: their values are secrets)").isEmpty();
            String user = commandLine.stream().filter(arg -> arg.startsWith("--spring.datasource.username="))
                    .map(arg -> arg.substring(arg.indexOf('=') + 1)).reduce((first, second) -> second).orElse(null);
            assertThat(user).as(service.name()).isEqualTo(DatabaseCredentials.serviceRole(service.schema()));
            String password = environment.get("SPRING_DATASOURCE_PASSWORD");
            assertThat(password).as(service.name()).isNotBlank();
            try (Connection stolen = DriverManager.getConnection(platform.jdbcUrl(), user, password);
                 Statement s = stolen.createStatement()) {
                assertThat(single(s, "SELECT count(*) FROM eventstore.domain_event_entry")).isNotNull();
                refused(s, "UPDATE eventstore.domain_event_entry SET payload = payload");
                refused(s, "DELETE FROM eventstore.domain_event_entry");
                refused(s, "TRUNCATE eventstore.domain_event_entry");
                refused(s, "UPDATE eventstore.audit_leaf SET content_hash = content_hash");
                refused(s, "DELETE FROM eventstore.audit_checkpoint");
                refused(s, "SET ROLE " + DatabaseCredentials.OWNER);
            }
        }
        assertThat(ProcessHandle.current().descendants().filter(p -> commandLine(p.pid()).contains("--jointops.migrate-only"))
                .filter(ProcessHandle::isAlive).toList()).as("migrate-only runs still running").isEmpty();
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            for (Platform.Service service : Platform.SERVICES) {
                String role = DatabaseCredentials.serviceRole(service.schema());
                String view = service.schema() + "." + VIEWS.get(service.schema());
                assertThat(single(s, "SELECT string_agg(p || '=' || has_table_privilege('" + role + "', t, p), ',') FROM "
                        + "(VALUES ('eventstore.domain_event_entry', 'SELECT'), ('eventstore.domain_event_entry', 'INSERT'),"
                        + " ('eventstore.domain_event_entry', 'UPDATE'), ('eventstore.domain_event_entry', 'DELETE'),"
                        + " ('" + view + "', 'UPDATE')) AS g(t, p)"))
                        .as("the grants the migrations set for " + role)
                        .isEqualTo("SELECT=true,INSERT=true,UPDATE=false,DELETE=false,UPDATE=true");
            }
        }
    }

    @Test
    void everyLoginNeedsItsPasswordWhichIsKeptWithTheDataOutsideTheRepositoryForTheUserOnly() throws Exception {
        Platform.Login cases = platform.databaseLogin("cases");
        assertThatThrownBy(() -> DriverManager.getConnection(platform.jdbcUrl(), cases.user(), cases.password() + "x").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        assertThatThrownBy(() -> DriverManager.getConnection(platform.jdbcUrl(), DatabaseCredentials.OWNER, "").close())
                .isInstanceOf(SQLException.class);
        Path file = platform.options().workDir().resolve("db-credentials.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("jointops_cases=" + cases.password());
    }

    /** Whether an argument or variable holds the password (the test platform's administrator's is "postgres"). */
    private static boolean holds(String token, String password) {
        return token.equals(password) || token.endsWith("=" + password) || password.length() >= 20 && token.contains(password);
    }

    /** The service's long-running process, a descendant of this JVM (the platform's launcher runs here). */
    private static ProcessHandle serviceProcess(Platform.Service service) {
        String port = "--server.port=" + platform.options().port(service.httpPort());
        List<ProcessHandle> found = ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && commandLine(p.pid()).contains(port)).toList();
        assertThat(found).as(service.name() + "'s process").hasSize(1);
        return found.get(0);
    }

    private static List<String> commandLine(long pid) {
        return List.of(proc(pid, "cmdline").split("\0"));
    }

    private static Map<String, String> environment(long pid) {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        for (String entry : proc(pid, "environ").split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) environment.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return environment;
    }

    private static String proc(long pid, String file) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), file)), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return ""; // gone meanwhile
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl(), platform.options().dbUser(), platform.options().dbPassword());
    }

    private static Connection as(String schema) throws SQLException {
        Platform.Login login = platform.databaseLogin(schema);
        return DriverManager.getConnection(platform.jdbcUrl(), login.user(), login.password());
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void refused(Statement s, String sql) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }
}

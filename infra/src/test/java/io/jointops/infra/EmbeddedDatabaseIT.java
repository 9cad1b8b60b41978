package io.jointops.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL as the launcher starts it ({@link Platform#startDatabase()}), without the applications: a
 * few seconds each. Durable unless asked otherwise; the services' roles and their passwords. (What the roles may do in
 * the schemas is granted by the migrations: platform's {@code DatabaseRolesIT}, and e2e {@code DatabaseRolesIT}.)
 */
class EmbeddedDatabaseIT {

    private static final List<String> DURABILITY = List.of("fsync", "synchronous_commit", "full_page_writes");

    @Test
    void isDurableByDefaultAlsoAfterARestart(@TempDir Path work) throws SQLException {
        try (Platform platform = new Platform(options(work), new Platform.Listener() {})) {
            platform.startDatabase();
            assertThat(settings(platform)).containsExactly(Map.entry("fsync", "on"),
                    Map.entry("synchronous_commit", "on"), Map.entry("full_page_writes", "on"));

            platform.restartDatabase(Duration.ZERO);
            assertThat(settings(platform)).containsOnly(Map.entry("fsync", "on"),
                    Map.entry("synchronous_commit", "on"), Map.entry("full_page_writes", "on"));
        }
    }

    @Test
    void isFastAndUnsafeOnlyWithTheExplicitOptionWhichItAnnounces(@TempDir Path work) throws SQLException {
        StringBuilder announced = new StringBuilder();
        try (Platform platform = new Platform(options(work).unsafeFastDatabase(true), new Platform.Listener() {
            @Override
            public void ready(String component, long seconds, String detail) {
                announced.append(component).append(' ').append(detail);
            }
        })) {
            platform.startDatabase();
            assertThat(settings(platform)).containsExactly(Map.entry("fsync", "off"),
                    Map.entry("synchronous_commit", "off"), Map.entry("full_page_writes", "off"));
            assertThat(announced).contains("postgresql").contains("UNSAFE");

            platform.restartDatabase(Duration.ZERO);
            assertThat(settings(platform)).containsOnly(Map.entry("fsync", "off"),
                    Map.entry("synchronous_commit", "off"), Map.entry("full_page_writes", "off"));
        }
    }

    @Test
    void eachServiceGetsItsOwnRoleWithAPasswordKeptWithTheDataDirectory(@TempDir Path work) throws Exception {
        Platform.Login cases;
        try (Platform platform = new Platform(options(work), new Platform.Listener() {})) {
            platform.startDatabase();
            cases = platform.databaseLogin("cases");
            assertThat(cases.user()).isEqualTo("jointops_cases");
            assertThat(platform.migrationLogin().user()).isEqualTo(DatabaseCredentials.OWNER);
            for (String schema : List.of("cases", "intel", "finance", "chemicals")) {
                Platform.Login login = platform.databaseLogin(schema);
                assertThat(login.password()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(cases.password() + schema);
                DriverManager.getConnection(platform.jdbcUrl(), login.user(), login.password()).close();
            }
            assertThat(refusal(platform.jdbcUrl(), cases.user(), "wrong")).isEqualTo("28P01");
            assertThat(refusal(platform.jdbcUrl(), DatabaseCredentials.OWNER, "")).isNotNull();
            try (Connection admin = admin(platform); Statement s = admin.createStatement()) {
                assertThat(single(s, "SELECT string_agg(nspname || ':' || pg_get_userbyid(nspowner), ',' ORDER BY nspname) "
                        + "FROM pg_namespace WHERE nspname IN ('eventstore', 'cases', 'intel', 'finance', 'chemicals')"))
                        .isEqualTo("cases:jointops_owner,chemicals:jointops_owner,eventstore:jointops_owner,"
                                + "finance:jointops_owner,intel:jointops_owner");
                assertThat(single(s, "SELECT string_agg(r.rolname, ',' ORDER BY r.rolname) FROM pg_auth_members m "
                        + "JOIN pg_roles r ON r.oid = m.roleid WHERE m.member = 'jointops_cases'::regrole"))
                        .isEqualTo("jointops_notary,jointops_service");
                assertThat(single(s, "SELECT pg_has_role('jointops_intel', 'jointops_notary', 'MEMBER')")).isEqualTo("f");
            }
        }
        assertThat(Files.readString(work.resolve("pgdata/pg_hba.conf"))).doesNotContain("trust");

        // the next launch keeps the data directory and its passwords
        try (Platform platform = new Platform(options(work).freshDatabase(false), new Platform.Listener() {})) {
            platform.startDatabase();
            assertThat(platform.databaseLogin("cases")).isEqualTo(cases);
            DriverManager.getConnection(platform.jdbcUrl(), cases.user(), cases.password()).close();
        }

        // without its passwords nobody could log in: said at once, not after the start-up timeout
        Files.delete(work.resolve("db-credentials.properties"));
        try (Platform platform = new Platform(options(work).freshDatabase(false), new Platform.Listener() {})) {
            assertThatThrownBy(platform::startDatabase).isInstanceOf(StartupException.class)
                    .hasMessageContaining("db-credentials.properties").hasMessageContaining("delete");
        }
    }

    @Test
    void aDatabaseOfAnOlderLauncherIsHandedToTheOwnerAndClosedToLoginsWithoutPassword(@TempDir Path work) throws Exception {
        try (Platform platform = new Platform(options(work), new Platform.Listener() {})) {
            platform.startDatabase();
            try (Connection admin = admin(platform); Statement s = admin.createStatement()) {
                // what the services made when they all connected as the administrator
                s.execute("DROP SCHEMA cases CASCADE");
                s.execute("CREATE SCHEMA cases");
                s.execute("CREATE TABLE cases.case_view (id BIGSERIAL PRIMARY KEY)");
                s.execute("CREATE FUNCTION eventstore.event_time(v VARCHAR) RETURNS TIMESTAMPTZ LANGUAGE sql IMMUTABLE "
                        + "AS $$ SELECT v::timestamptz $$");
            }
        }
        // an older launcher's data directory: anyone on the machine logs in without a password; no password file
        Files.writeString(work.resolve("pgdata/pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n"
                + "host all all ::1/128 trust\n");
        Files.delete(work.resolve("db-credentials.properties"));

        try (Platform platform = new Platform(options(work).freshDatabase(false), new Platform.Listener() {})) {
            platform.startDatabase();
            try (Connection admin = admin(platform); Statement s = admin.createStatement()) {
                assertThat(single(s, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'cases'"))
                        .isEqualTo(DatabaseCredentials.OWNER);
                assertThat(single(s, "SELECT tableowner FROM pg_tables WHERE schemaname = 'cases'")).isEqualTo(DatabaseCredentials.OWNER);
                assertThat(single(s, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'case_view_id_seq'"))
                        .isEqualTo(DatabaseCredentials.OWNER);
                assertThat(single(s, "SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'event_time'"))
                        .isEqualTo(DatabaseCredentials.OWNER);
            }
            assertThat(refusal(platform.jdbcUrl(), "jointops_cases", "")).isNotNull();
            assertThat(refusal(platform.jdbcUrl(), DatabaseCredentials.ADMIN, "")).isNotNull();
            Platform.Login cases = platform.databaseLogin("cases");
            DriverManager.getConnection(platform.jdbcUrl(), cases.user(), cases.password()).close();
        }
    }

    /** The SQL state of a refused login, null if it was not refused. */
    private static String refusal(String url, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private static Connection admin(Platform platform) throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl(), platform.options().dbUser(), platform.options().dbPassword());
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** What the server reports for each durability setting, as any client sees it. */
    static Map<String, String> settings(Platform platform) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl(), platform.options().dbUser(),
                platform.options().dbPassword()); Statement s = c.createStatement()) {
            for (String name : DURABILITY) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        }
        return settings;
    }

    /** A fresh database of its own under {@code work}, on a port offset whose PostgreSQL port is free. */
    static PlatformOptions options(Path work) {
        for (int offset = 41_000; offset < 50_000; offset += 7) {
            if (Platform.isFree(Platform.POSTGRES_PORT + offset)) {
                return new PlatformOptions().workDir(work).freshDatabase(true).portOffset(offset);
            }
        }
        throw new IllegalStateException("no free port for PostgreSQL");
    }
}

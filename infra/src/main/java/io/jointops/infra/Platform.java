package io.jointops.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The whole local platform as separate processes: embedded PostgreSQL, Keycloak, the four services
 * and the gateway, wired as docs/CONVENTIONS-services.md says. Used by {@link Launcher} and by the
 * end-to-end test harness. Each {@code start*} method is idempotent and starts what it needs first,
 * so a caller may start only Keycloak and add the applications later. {@link #close()} stops
 * everything in reverse order and may be called from a shutdown hook while a start is still waiting.
 */
public final class Platform implements AutoCloseable {

    /** A service: module (and jar) name, developer HTTP and command-bus ports, gateway route name. */
    public record Service(String name, int httpPort, int busPort, String route) {
        /** Its database schema ({@code jointops.schema} in its application.yml), named like its route. */
        public String schema() { return route; }
    }

    public static final List<Service> SERVICES = List.of(
            new Service("case-service", 8081, 9081, "cases"),
            new Service("intel-service", 8082, 9082, "intel"),
            new Service("finance-service", 8083, 9083, "finance"),
            new Service("chemical-service", 8084, 9084, "chemicals"));
    public static final String GATEWAY = "gateway";
    public static final int GATEWAY_PORT = 8080;
    public static final int KEYCLOAK_PORT = 8180;
    public static final int KEYCLOAK_MANAGEMENT_PORT = 9180;
    public static final int POSTGRES_PORT = 15432;

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** A JVM that writes its class data archive at exit needs longer: 68-82 MB, the gateway's took 15 s on a busy machine. */
    private static final Duration ARCHIVE_GRACE = Duration.ofSeconds(120);

    /** Start-up events, for progress output. */
    public interface Listener {
        default void starting(String component, Path log) {}
        default void ready(String component, long seconds, String detail) {}
        /** Something the user should know although the start goes on (e.g. a database without the services' roles). */
        default void warning(String message) {}
    }

    /** A database login: role and password. */
    public record Login(String user, String password) {
        @Override
        public String toString() { return "Login[" + user + "]"; } // never the password in a log
    }

    private final PlatformOptions options;
    private final Listener listener;
    private final String busSecret;
    private volatile boolean closed;
    private volatile EmbeddedPostgres postgres;
    private volatile ChildProcess keycloak;
    private volatile ChildProcess gateway;
    private final List<ChildProcess> services = new CopyOnWriteArrayList<>();
    /** The services' migrate-only runs, while they run (stopped too if the platform is closed meanwhile). */
    private final List<ChildProcess> migrations = new CopyOnWriteArrayList<>();
    private String jdbcUrl;
    /** Each service's own database login, by schema; the migrations' login (the schemas' owner). */
    private final Map<String, Login> serviceLogins = new LinkedHashMap<>();
    private Login migrationLogin;
    private String issuerUri;
    private volatile boolean applicationsUp;
    /** How each service and the gateway is run (extracted, with a class data archive), by module. */
    private final Map<String, ClassDataSharing.Launch> launches = new java.util.concurrent.ConcurrentHashMap<>();

    public Platform(PlatformOptions options, Listener listener) {
        this.options = options;
        this.listener = listener;
        this.busSecret = options.busSecret() != null ? options.busSecret() : randomSecret();
    }

    /** Starts everything (database, then Keycloak, services, gateway together); on failure stops what was started. */
    public static Platform start(PlatformOptions options) {
        return start(options, new Listener() {});
    }

    public static Platform start(PlatformOptions options, Listener listener) {
        Platform platform = new Platform(options, listener);
        try {
            platform.startApplications();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** Fails, naming every missing jar and the command that builds them. */
    public void checkJars() {
        List<String> missing = new ArrayList<>();
        for (String module : modules()) {
            if (!Files.isRegularFile(jar(module))) missing.add(options.root().relativize(jar(module)).toString());
        }
        if (!missing.isEmpty()) {
            throw new StartupException("missing " + String.join(", ", missing) + " under " + options.root()
                    + "; build them from the repository root with: ./mvnw -B package -DskipTests", null);
        }
    }

    /**
     * Embedded PostgreSQL, unless a JDBC URL was given. Returns the JDBC URL. It is durable: {@code fsync},
     * {@code synchronous_commit} and {@code full_page_writes} on (the embedded library's own defaults turn the first
     * two off), unless {@link PlatformOptions#unsafeFastDatabase(boolean)} asks for speed instead. Its roles are set up
     * at every start ({@link #setUpRoles}): each service logs in with its own role, the migrations with the owner's,
     * every role with a password ({@link DatabaseCredentials}); {@link PlatformOptions#dbUser()} and
     * {@link PlatformOptions#dbPassword()} are its administrator's.
     */
    public synchronized String startDatabase() {
        if (jdbcUrl != null) return jdbcUrl;
        if (options.dbUrl() != null) {
            externalLogins();
            return jdbcUrl = options.dbUrl();
        }
        int port = options.port(POSTGRES_PORT);
        requireFree("PostgreSQL", port);
        Path data = options.workDir().resolve("pgdata");
        Path log = logFile("postgresql");
        listener.starting("postgresql", log);
        long started = System.nanoTime();
        DatabaseCredentials credentials;
        try {
            if (options.freshDatabase()) deleteRecursively(data);
            credentials = DatabaseCredentials.load(options.workDir(), options.freshDatabase() || isEmpty(data));
            Files.createDirectories(data);
            EmbeddedPostgres pg = databaseBuilder(port, data, log).start();
            postgres = pg;
            if (closed) {
                pg.close();
                throw new StartupException("start-up cancelled", null);
            }
        } catch (IOException e) {
            throw new StartupException("PostgreSQL did not start: " + e.getMessage() + " (log: " + log + ")", tail(log));
        }
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        setUpRoles(url, data, credentials);
        jdbcUrl = url;
        listener.ready("postgresql", seconds(started), jdbcUrl + (options.unsafeFastDatabase()
                ? "   UNSAFE: fsync, synchronous_commit and full_page_writes off (--unsafe-fast-database)" : ""));
        return jdbcUrl;
    }

    /** The login a service's processes use, by the service's schema (e.g. {@code cases}); null before the database is up. */
    public synchronized Login databaseLogin(String schema) {
        return serviceLogins.get(schema);
    }

    /**
     * The login the services' migrate-only runs use (the schemas' owner), never given to a service's long-running
     * process; null before the database is up.
     */
    public synchronized Login migrationLogin() {
        return migrationLogin;
    }

    /**
     * An external database: its roles are the operator's (docs/runbook.md, "Database roles"). The given user is the
     * migrations' (the schemas' owner); each service logs in as {@code jointops_<schema>} with the password in
     * {@link PlatformOptions#servicePasswords()}. Without any, every service logs in as the given user, as before the
     * services had roles of their own, and the listener is warned: then a service's process holds the owner's login.
     */
    private void externalLogins() {
        Map<String, String> passwords = options.servicePasswords();
        if (passwords.isEmpty()) {
            listener.warning("the services connect to " + options.dbUrl() + " all as " + options.dbUser() + ", which may"
                    + " change and delete events: give each its own role (docs/runbook.md, \"Database roles\") and its"
                    + " password in JOINTOPS_DB_PASSWORD_<SCHEMA>");
            for (Service service : SERVICES) {
                serviceLogins.put(service.schema(), new Login(options.dbUser(), options.dbPassword()));
            }
            migrationLogin = new Login(options.dbUser(), options.dbPassword());
            return;
        }
        List<String> missing = SERVICES.stream().map(Service::schema).filter(schema -> !passwords.containsKey(schema)).toList();
        if (!missing.isEmpty()) {
            throw new StartupException("no database password for the role of " + String.join(", ", missing)
                    + " (JointOps reads it from JOINTOPS_DB_PASSWORD_<SCHEMA>, e.g. JOINTOPS_DB_PASSWORD_CASES)", null);
        }
        for (Service service : SERVICES) {
            serviceLogins.put(service.schema(), new Login(DatabaseCredentials.serviceRole(service.schema()),
                    passwords.get(service.schema())));
        }
        migrationLogin = new Login(options.dbUser(), options.dbPassword());
    }

    /** The group roles the migrations grant to (platform {@code db/eventstore/afterMigrate__service_grants.sql}). */
    static final String SERVICE_GROUP = "jointops_service";
    static final String NOTARY_GROUP = "jointops_notary";

    /**
     * As the administrator: the owner of the schemas, the two groups the migrations grant to (every service's role is
     * in {@value #SERVICE_GROUP}; the notary's also in {@value #NOTARY_GROUP}, which may read every session's
     * transaction start, as the notary needs to settle gaps at once), one role per service, their passwords, the
     * schemas owned by the owner (also what an older launcher made as the administrator), then passwords for every
     * login, over TCP and the socket alike (pg_hba.conf). What each role may do in the schemas is granted by the
     * migrations' {@code afterMigrate} callbacks (platform, {@code db/eventstore}, {@code db/processing}).
     */
    private void setUpRoles(String url, Path data, DatabaseCredentials credentials) {
        String owner = DatabaseCredentials.OWNER;
        List<String> schemas = new ArrayList<>(List.of("eventstore"));
        SERVICES.forEach(service -> schemas.add(service.schema()));
        List<String> sql = new ArrayList<>();
        sql.add("ALTER ROLE " + options.dbUser() + " PASSWORD '" + options.dbPassword().replace("'", "''") + "'");
        List<String> roles = new ArrayList<>(List.of(owner, SERVICE_GROUP, NOTARY_GROUP));
        SERVICES.forEach(service -> roles.add(DatabaseCredentials.serviceRole(service.schema())));
        for (String role : roles) {
            sql.add("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE "
                    + role + "; END IF; END $$");
        }
        String plain = " NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT";
        sql.add("ALTER ROLE " + owner + " WITH LOGIN" + plain + " PASSWORD '" + credentials.password(owner) + "'");
        sql.add("ALTER ROLE " + SERVICE_GROUP + " WITH NOLOGIN" + plain);
        sql.add("ALTER ROLE " + NOTARY_GROUP + " WITH NOLOGIN" + plain);
        serviceLogins.clear();
        for (Service service : SERVICES) {
            String role = DatabaseCredentials.serviceRole(service.schema());
            sql.add("ALTER ROLE " + role + " WITH LOGIN" + plain + " PASSWORD '" + credentials.password(role) + "'");
            sql.add("GRANT " + SERVICE_GROUP + " TO " + role);
            if (service.name().equals(NOTARY_SERVICE)) sql.add("GRANT " + NOTARY_GROUP + " TO " + role);
            serviceLogins.put(service.schema(), new Login(role, credentials.password(role)));
        }
        sql.add("GRANT pg_read_all_stats TO " + NOTARY_GROUP);
        for (String schema : schemas) sql.add("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + owner);
        String inSchemas = "ARRAY['" + String.join("', '", schemas) + "']";
        // schemas, tables, views, free sequences and functions an older launcher's services made as the administrator
        sql.add("""
                DO $$
                DECLARE
                    change record;
                BEGIN
                    FOR change IN
                        SELECT format('ALTER SCHEMA %%I OWNER TO %1$s', nspname) AS ddl FROM pg_namespace
                        WHERE nspname = ANY (%2$s) AND nspowner <> '%1$s'::regrole
                        UNION ALL
                        SELECT format('ALTER TABLE %%I.%%I OWNER TO %1$s', n.nspname, c.relname)
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = ANY (%2$s) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                          AND c.relowner <> '%1$s'::regrole
                        UNION ALL
                        SELECT format('ALTER SEQUENCE %%I.%%I OWNER TO %1$s', n.nspname, c.relname)
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = ANY (%2$s) AND c.relkind = 'S' AND c.relowner <> '%1$s'::regrole
                          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
                        UNION ALL
                        SELECT format('ALTER FUNCTION %%s OWNER TO %1$s', p.oid::regprocedure)
                        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = ANY (%2$s) AND p.proowner <> '%1$s'::regrole
                    LOOP
                        EXECUTE change.ddl;
                    END LOOP;
                END
                $$""".formatted(owner, inSchemas));
        try (Connection c = DriverManager.getConnection(url, options.dbUser(), options.dbPassword());
             Statement statement = c.createStatement()) {
            for (String each : sql) statement.execute(each);
            if (writePasswordsOnly(data)) statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException | IOException e) {
            throw new StartupException("could not set up the database's roles: " + e.getMessage(), null);
        }
        credentials.administratorPassword(options.dbPassword());
        migrationLogin = new Login(owner, credentials.password(owner));
    }

    /** pg_hba.conf: a password for every login, on this machine only; true if it changed (the server must reload it). */
    private static boolean writePasswordsOnly(Path data) throws IOException {
        String hba = DatabaseCredentials.HBA_MARKER + System.lineSeparator() + """
                # Written by the JointOps launcher (infra Platform) at every start of the embedded PostgreSQL: changes
                # here are overwritten. The passwords are in ../db-credentials.properties.
                local   all   all                  scram-sha-256
                host    all   all   127.0.0.1/32   scram-sha-256
                host    all   all   ::1/128        scram-sha-256
                """;
        Path file = data.resolve("pg_hba.conf");
        if (Files.exists(file) && Files.readString(file).equals(hba)) return false;
        Files.writeString(file, hba);
        return true;
    }

    /**
     * Stops the embedded PostgreSQL (fast shutdown: open connections are cut), waits {@code down}, and starts it again
     * on the same data directory and port with the same settings, as a crash test needs. The services are left running:
     * they find the database gone and back.
     */
    public synchronized void restartDatabase(Duration down) {
        EmbeddedPostgres pg = postgres;
        if (pg == null) throw new IllegalStateException("no embedded PostgreSQL was started");
        Path log = logFile("postgresql");
        try {
            pg.close(); // pg_ctl stop -m fast; releases the data directory's lock
            ChildProcess.sleep(down.toMillis());
            postgres = databaseBuilder(pg.getPort(), options.workDir().resolve("pgdata"), log).start();
        } catch (IOException e) {
            throw new StartupException("PostgreSQL did not start again: " + e.getMessage() + " (log: " + log + ")", tail(log));
        }
    }

    /** The embedded PostgreSQL on {@code data}, kept between launches; durable unless the options say otherwise. */
    private EmbeddedPostgres.Builder databaseBuilder(int port, Path data, Path log) {
        // the library starts the server with -F (fsync off) and synchronous_commit=off; a -c given later wins
        String durable = options.unsafeFastDatabase() ? "off" : "on";
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false) // keep the data between launches; tests ask for freshDatabase
                .setRegisterShutdownHook(false) // we stop it last, after the services
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable)
                // checkpoints by time, not by WAL volume, under a sustained write load: with 1 GB one started right after
                // another, and the full-page images written after each start stalled commits for hundreds of ms
                // (docs/performance.md, run Q); durability is the same, a recovery after a crash may replay more WAL
                .setServerConfig("max_wal_size", "4GB")
                // the event store's indexes take random keys (event, item and key ids): beyond PostgreSQL's default of
                // 128 MB they churn, and at 340,000 events each create read 8.4 pages back and wrote 7.2 dirty ones out
                // itself; with 1 GB, 0.01 and 0.4 (pg_stat_statements, docs/performance.md). Taken as pages are used
                .setServerConfig("shared_buffers", "1GB")
                // the library's readiness check logs in as the administrator, with its password once pg_hba.conf asks
                .setConnectConfig("password", options.dbPassword())
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setPGStartupWait(Duration.ofSeconds(120));
    }

    /** Keycloak with the jointops realm, unless an issuer URI was given; waits until it is ready. Returns the issuer URI. */
    public synchronized String startKeycloak() {
        if (issuerUri != null) return issuerUri;
        if (options.issuerUri() != null) return issuerUri = options.issuerUri();
        ChildProcess kc = launchKeycloak();
        kc.awaitReady(keycloakReadiness(), options.keycloakTimeout(), () -> closed);
        return keycloakReady(kc);
    }

    /**
     * Starts Keycloak's process (once) without waiting for it. Everything it needs first is in place when
     * this returns: the realm file it imports. Its issuer URI is known before it is up.
     */
    private synchronized ChildProcess launchKeycloak() {
        if (keycloak != null) return keycloak;
        Path home = options.keycloakHome();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new StartupException("Keycloak is not unpacked at " + home
                    + "; build infra from the repository root with: ./mvnw -B package -DskipTests", null);
        }
        int http = options.port(KEYCLOAK_PORT);
        int management = options.port(KEYCLOAK_MANAGEMENT_PORT);
        requireFree("Keycloak", http, management);
        copyRealm(home.resolve("data/import/jointops-realm.json"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"); // local development only
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // C1 only, as for the services: on 2 cores C2's compilations compete with the start itself
        // (Keycloak alone to ready: 56 CPU s and 60 s with C2, 32 CPU s and 27 s without)
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        // the console's origin (the gateway's), which the realm's web client lets call the token endpoint (CORS); the
        // redirect URIs take any port of localhost already, origins are compared whole
        env.put("JOINTOPS_CONSOLE_ORIGIN", gatewayUrl());
        KeycloakBuild.ensureBuilt(home, env); // in-memory H2 (the realm file is the only truth), health endpoints
        List<String> command = List.of("/bin/sh", home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                // one node: no JGroups cluster, which would listen beyond loopback
                "--cache=local",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + http,
                "--http-management-port=" + management,
                // pins the token issuer: localhost and 127.0.0.1 would give different `iss`
                "--hostname=" + keycloakBaseUrl(),
                "--import-realm",
                // a transaction log per platform, so that a test run can share the unpacked dist with a running launcher
                "-Dquarkus.transaction-manager.object-store.directory=" + options.workDir().resolve("keycloak-tx"));
        keycloak = launch("keycloak", command, env, home);
        return keycloak;
    }

    private String keycloakBaseUrl() { return "http://localhost:" + options.port(KEYCLOAK_PORT); }

    private String keycloakReadiness() { return "http://localhost:" + options.port(KEYCLOAK_MANAGEMENT_PORT) + "/health/ready"; }

    private synchronized String keycloakReady(ChildProcess kc) {
        issuerUri = keycloakBaseUrl() + "/realms/" + Realm.NAME;
        listener.ready("keycloak", kc.secondsSinceStart(), keycloakBaseUrl());
        return issuerUri;
    }

    /**
     * The database first, then Keycloak and the gateway, and meanwhile the services' migrations (each service's jar in
     * its migrate-only run, the four at once, with the schemas' owner's login), then the four services with their own
     * roles' logins; waits until every one of them is ready and the gateway accepts a token from Keycloak. None of
     * them needs another at start: the services and the gateway resolve the issuer's keys on the first request, the
     * gateway's routes are plain URIs, and the services find each other's command bus on first use. Started one after
     * the other, they took 102-203 s on 2 cores.
     */
    public synchronized String startApplications() {
        if (applicationsUp) return gatewayUrl();
        if (gateway != null) throw new StartupException("an earlier start of the applications failed; close this platform", null);
        checkJars();
        String jdbc = startDatabase();
        for (Service service : SERVICES) {
            requireFree(service.name(), options.port(service.httpPort()), options.port(service.busPort()));
        }
        requireFree(GATEWAY, options.port(GATEWAY_PORT));
        String issuer;
        List<Pending> pending = new ArrayList<>();
        if (issuerUri != null || options.issuerUri() != null) {
            issuer = startKeycloak(); // given, or already up
        } else {
            ChildProcess kc = launchKeycloak();
            issuer = keycloakBaseUrl() + "/realms/" + Realm.NAME;
            pending.add(new Pending(kc, keycloakReadiness(), options.keycloakTimeout(), () -> keycloakReady(kc)));
        }
        prepareJars(); // while Keycloak starts
        ChildProcess gw = launch(GATEWAY, gatewayCommand(issuer), serviceEnv(null), options.root());
        gateway = gw;
        pending.add(new Pending(gw, gatewayUrl() + "/actuator/health/readiness", options.serviceTimeout(),
                () -> listener.ready(GATEWAY, gw.secondsSinceStart(), gatewayUrl())));
        migrate(jdbc); // while Keycloak and the gateway start
        for (Service service : SERVICES) {
            ChildProcess child = launch(service.name(), serviceCommand(service, issuer, jdbc), serviceEnv(service), options.root());
            services.add(child);
            String url = "http://localhost:" + options.port(service.httpPort());
            pending.add(new Pending(child, url + "/actuator/health/readiness", options.serviceTimeout(),
                    () -> listener.ready(child.name, child.secondsSinceStart(), url)));
        }
        awaitAll(pending);
        long checking = System.nanoTime();
        GatewayCheck.acceptsToken(issuer, gatewayUrl(), options.serviceTimeout(), () -> closed);
        listener.ready("token check", seconds(checking), "the gateway accepted a token of " + GatewayCheck.USER
                + " from Keycloak and case-service answered");
        applicationsUp = true;
        return gatewayUrl();
    }

    /** A started process, the URL that answers 200 once it is ready, and what to do then. */
    private record Pending(ChildProcess child, String url, Duration timeout, Runnable onReady) {}

    /**
     * Each service's jar in its migrate-only run ({@code --jointops.migrate-only}: the shared eventstore schema and
     * its own, with their grants, then exit), the four at once (Flyway's and the grants' locks order them), with the
     * owner's login: the only processes that ever get it. Fails, with the log's tail, on the first that does not
     * exit with 0.
     */
    private void migrate(String jdbc) {
        long started = System.nanoTime();
        for (Service service : SERVICES) {
            List<String> command = javaCommand(service.name(), false);
            command.add("--jointops.migrate-only");
            command.add("--spring.datasource.url=" + jdbc);
            command.add("--spring.datasource.username=" + migrationLogin.user());
            Map<String, String> env = new LinkedHashMap<>();
            env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            env.put("SPRING_DATASOURCE_PASSWORD", migrationLogin.password());
            migrations.add(launch(service.name() + "-migration", command, env, options.root()));
        }
        try {
            for (ChildProcess migration : migrations) {
                int exit = migration.awaitExit(options.serviceTimeout(), () -> closed);
                if (exit != 0) {
                    throw new StartupException(migration.name + " exited with code " + exit + " (log: " + migration.log + ")",
                            migration.tail(40));
                }
            }
        } finally {
            ChildProcess.stopAll(List.copyOf(migrations), STOP_GRACE); // on failure the others; the rest have exited
            migrations.clear();
        }
        listener.ready("migrations", seconds(started), "eventstore, " + String.join(", ",
                SERVICES.stream().map(Service::schema).toList()) + " as " + migrationLogin.user());
    }

    /** Polls every pending process once a second until all are ready; fails on the first that dies or is late. */
    private void awaitAll(List<Pending> pending) {
        List<Pending> left = new ArrayList<>(pending);
        while (!left.isEmpty()) {
            left.removeIf(p -> {
                boolean ready = p.child().isReady(p.url());
                if (ready) p.onReady().run();
                return ready;
            });
            if (left.isEmpty()) break;
            if (closed) throw new StartupException("start-up cancelled", null);
            for (Pending p : left) {
                if (p.child().secondsSinceStart() > p.timeout().toSeconds()) {
                    throw new StartupException(p.child().name + " not ready at " + p.url() + " after "
                            + p.timeout().toSeconds() + " s (log: " + p.child().log + ")", p.child().tail(40));
                }
            }
            ChildProcess.sleep(1000);
        }
    }

    /**
     * Stops one application (a service by its module name, e.g. {@code case-service}, or {@value #GATEWAY}) and starts
     * it again as it was started, then waits until it is ready: what a rolling restart of its deployment does, for
     * tests of what survives one. Its log so far is kept as {@code <name>.before-restart-<n>.log}.
     */
    public synchronized void restart(String name) {
        if (!applicationsUp) throw new IllegalStateException("the applications are not up");
        ChildProcess old = name.equals(GATEWAY) ? gateway
                : services.stream().filter(child -> child.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown application " + name));
        ClassDataSharing.Launch launch = launches.get(name);
        ChildProcess.stopAll(List.of(old), launch != null && launch.writtenArchive() != null ? ARCHIVE_GRACE : STOP_GRACE);
        if (launch != null) launch.exited(old.exitCode());
        keepLog(name);
        ChildProcess child;
        String readiness;
        if (name.equals(GATEWAY)) {
            child = launch(GATEWAY, gatewayCommand(issuerUri), serviceEnv(null), options.root());
            gateway = child;
            readiness = gatewayUrl();
        } else {
            Service service = SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
            services.remove(old);
            child = launch(name, serviceCommand(service, issuerUri, jdbcUrl), serviceEnv(service), options.root());
            services.add(child);
            readiness = serviceUrl(name);
        }
        ChildProcess started = child;
        awaitAll(List.of(new Pending(started, readiness + "/actuator/health/readiness", options.serviceTimeout(),
                () -> listener.ready(started.name, started.secondsSinceStart(), readiness + " (restarted)"))));
    }

    /** How far a second replica's ports are from its service's ({@link #startReplica}). */
    public static final int REPLICA_PORT_SHIFT = 10;

    /**
     * Starts a second replica of service {@code name} beside the first, as a deployment of two replicas runs it: the
     * same login, settings and command bus members (so its commands are handled by the first, the bus member of its
     * service), its HTTP and bus ports {@value #REPLICA_PORT_SHIFT} above the service's, its log {@code
     * <name>-replica.log}, its in-process co-signers' state in a directory of its own, copied from the first's (two
     * processes must not write one state file). For the bench's replica figure; stopped with the platform. Returns its
     * URL once it is ready.
     */
    public synchronized String startReplica(String name) {
        if (!applicationsUp) throw new IllegalStateException("the applications are not up");
        Service service = SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + name));
        String replica = name + "-replica";
        int http = options.port(service.httpPort() + REPLICA_PORT_SHIFT);
        int bus = options.port(service.busPort() + REPLICA_PORT_SHIFT);
        Path states = options.workDir().resolve("cosigners-" + replica);
        List<String> command = new ArrayList<>();
        for (String argument : serviceCommand(service, issuerUri, jdbcUrl, false)) {
            if (argument.startsWith("--server.port=")) argument = "--server.port=" + http;
            else if (argument.startsWith("--jointops.bus.port=")) argument = "--jointops.bus.port=" + bus;
            else if (argument.contains(".state-file=")) argument = copiedState(argument, states);
            command.add(argument);
        }
        ChildProcess child = launch(replica, command, serviceEnv(service), options.root());
        services.add(child);
        String url = "http://localhost:" + http;
        awaitAll(List.of(new Pending(child, url + "/actuator/health/readiness", options.serviceTimeout(),
                () -> listener.ready(child.name, child.secondsSinceStart(), url))));
        return url;
    }

    /** {@code --...state-file=<file>} with the file copied into {@code states}. */
    private static String copiedState(String argument, Path states) {
        int at = argument.indexOf('=');
        Path state = Path.of(argument.substring(at + 1));
        Path copy = states.resolve(state.getFileName());
        try {
            Files.createDirectories(states);
            if (Files.exists(state)) Files.copy(state, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return argument.substring(0, at + 1) + copy;
    }

    /** Moves {@code name}'s log aside before it is started again, so the start does not overwrite it. */
    private void keepLog(String name) {
        Path log = logFile(name);
        try {
            for (int n = 1; ; n++) {
                Path kept = options.logDir().resolve(name + ".before-restart-" + n + ".log");
                if (!Files.exists(kept)) {
                    if (Files.exists(log)) Files.move(log, kept);
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String gatewayUrl() { return "http://localhost:" + options.port(GATEWAY_PORT); }

    public String serviceUrl(String service) {
        return SERVICES.stream().filter(s -> s.name().equals(service)).findFirst()
                .map(s -> "http://localhost:" + options.port(s.httpPort()))
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + service));
    }

    /** Issuer of the jointops realm, e.g. http://localhost:8180/realms/jointops; null before Keycloak is up. */
    public synchronized String issuerUri() { return issuerUri; }

    /** Keycloak's base URL, e.g. http://localhost:8180. */
    public synchronized String keycloakUrl() {
        return issuerUri == null ? null : issuerUri.substring(0, issuerUri.indexOf("/realms/"));
    }

    public synchronized String jdbcUrl() { return jdbcUrl; }

    public boolean startedKeycloak() { return keycloak != null; }

    public boolean startedDatabase() { return postgres != null; }

    public PlatformOptions options() { return options; }

    /** Names of started processes that have exited since (none once {@link #close()} has begun). */
    public List<String> exited() {
        List<String> names = new ArrayList<>();
        if (closed) return names;
        for (ChildProcess child : children()) {
            if (!child.alive()) names.add(child.name);
        }
        return names;
    }

    /** Stops the gateway, the services, Keycloak and PostgreSQL, in that order; leaves no process behind. */
    @Override
    public void close() {
        // not synchronized: a shutdown hook must get through while a start method is waiting
        synchronized (services) {
            if (closed) return;
            closed = true;
        }
        Duration grace = launches.values().stream().anyMatch(l -> l.writtenArchive() != null) ? ARCHIVE_GRACE : STOP_GRACE;
        if (gateway != null) ChildProcess.stopAll(List.of(gateway), grace);
        ChildProcess.stopAll(List.copyOf(migrations), STOP_GRACE);
        ChildProcess.stopAll(List.copyOf(services), grace);
        keepClassDataArchives();
        if (keycloak != null) ChildProcess.stopAll(List.of(keycloak), STOP_GRACE);
        EmbeddedPostgres pg = postgres;
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    private List<ChildProcess> children() {
        List<ChildProcess> all = new ArrayList<>();
        if (keycloak != null) all.add(keycloak);
        all.addAll(services);
        if (gateway != null) all.add(gateway);
        return all;
    }

    /** The service that runs the audit log's notary (jointops.notary.enabled in its application.yml). */
    private static final String NOTARY_SERVICE = "case-service";

    private List<String> serviceCommand(Service service, String issuer, String jdbc) {
        return serviceCommand(service, issuer, jdbc, true);
    }

    /** {@code writesArchive}: false for a second process of the service, which must not write its class data archive. */
    private List<String> serviceCommand(Service service, String issuer, String jdbc, boolean writesArchive) {
        List<String> command = javaCommand(service.name(), writesArchive);
        command.add("--server.port=" + options.port(service.httpPort()));
        command.add("--jointops.bus.port=" + options.port(service.busPort()));
        command.add("--jointops.issuer-uri=" + issuer);
        // the one server its API document names
        command.add("--jointops.api.gateway-url=http://localhost:" + options.port(GATEWAY_PORT));
        command.add("--spring.datasource.url=" + jdbc);
        // its own role only (its password in the environment): the migrations ran before, as the owner
        command.add("--spring.datasource.username=" + serviceLogins.get(service.schema()).user());
        for (Service member : SERVICES) {
            command.add("--jointops.bus.members." + member.name() + "=http://localhost:" + options.port(member.busPort()));
        }
        if (service.name().equals(NOTARY_SERVICE)) {
            command.addAll(NotaryKeys.arguments(options.workDir()));
        }
        command.addAll(options.serviceArguments());
        return command;
    }

    private List<String> gatewayCommand(String issuer) {
        List<String> command = javaCommand(GATEWAY, true);
        command.add("--server.port=" + options.port(GATEWAY_PORT));
        command.add("--jointops.issuer-uri=" + issuer);
        for (Service service : SERVICES) {
            command.add("--jointops.routes." + service.route() + "=http://localhost:" + options.port(service.httpPort()));
        }
        return command;
    }

    /** {@code writesArchive}: false for a short run that may use the module's class data archive but must not write it. */
    private List<String> javaCommand(String module, boolean writesArchive) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.javaOptions());
        command.add("-Daxon.update-check.disabled=true");
        ClassDataSharing.Launch launch = launches.get(module);
        if (launch != null && (writesArchive || launch.writtenArchive() == null)) command.addAll(launch.jvmOptions());
        command.add("-jar");
        command.add(launch != null ? launch.jar().toString() : jar(module).toString());
        return command;
    }

    /** Extracts the jars of the services and the gateway (in parallel, first start after a build only). */
    private void prepareJars() {
        if (!options.classDataSharing()) return;
        ClassDataSharing cds = new ClassDataSharing(options.root());
        modules().parallelStream().forEach(module -> launches.computeIfAbsent(module, m -> cds.prepare(m, jar(m))));
    }

    /** After the services and the gateway have stopped: the class data archives that first runs wrote become usable. */
    private void keepClassDataArchives() {
        List<ChildProcess> stopped = new ArrayList<>(services);
        if (gateway != null) stopped.add(gateway);
        for (ChildProcess child : stopped) {
            ClassDataSharing.Launch launch = launches.get(child.name);
            if (launch != null && !child.alive()) launch.exited(child.exitCode());
        }
    }

    /**
     * The secrets go in the environment (the conventions allow either form), where other users of the machine cannot
     * read them in the process list: the bus secret, and a service's own database password and the key webhook
     * secrets are derived from, or for the gateway the key that seals the partner feed's cursors
     * ({@link DeploymentKeys}).
     */
    private Map<String, String> serviceEnv(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        env.put("JOINTOPS_BUS_SECRET", busSecret);
        if (service != null) {
            env.put("SPRING_DATASOURCE_PASSWORD", serviceLogins.get(service.schema()).password());
            env.put("JOINTOPS_WEBHOOKS_SIGNING_KEY", DeploymentKeys.load(options.workDir(), DeploymentKeys.WEBHOOK_SIGNING));
        } else {
            env.put("JOINTOPS_FEED_CURSOR_KEY", DeploymentKeys.load(options.workDir(), DeploymentKeys.FEED_CURSOR));
        }
        return env;
    }

    private ChildProcess launch(String name, List<String> command, Map<String, String> env, Path dir) {
        Path log = logFile(name);
        listener.starting(name, log);
        ChildProcess child = ChildProcess.start(name, command, env, dir, log);
        if (closed) {
            ChildProcess.stopAll(List.of(child), STOP_GRACE);
            throw new StartupException("start-up cancelled", null);
        }
        return child;
    }

    private List<String> modules() {
        List<String> modules = new ArrayList<>();
        SERVICES.forEach(s -> modules.add(s.name()));
        modules.add(GATEWAY);
        return modules;
    }

    private Path jar(String module) {
        return options.root().resolve(module).resolve("target").resolve(module + ".jar");
    }

    private Path logFile(String name) {
        try {
            Files.createDirectories(options.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return options.logDir().resolve(name + ".log");
    }

    private void copyRealm(Path target) {
        try (InputStream realm = Platform.class.getResourceAsStream("/keycloak/jointops-realm.json")) {
            if (realm == null) throw new IllegalStateException("keycloak/jointops-realm.json is not on the classpath");
            Files.createDirectories(target.getParent());
            Files.copy(realm, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clear message instead of a process that dies later with "address already in use". */
    private void requireFree(String component, int... ports) {
        for (int port : ports) {
            if (!isFree(port)) {
                throw new StartupException("port " + port + " for " + component + " is in use: is another JointOps running?"
                        + " Stop it, or move every port with --port-offset=N", null);
            }
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return true;
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }

    private static long seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

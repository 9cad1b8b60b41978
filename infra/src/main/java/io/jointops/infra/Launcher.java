package io.jointops.infra;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code java -jar infra/target/infra.jar [options]}, from the repository root: starts the whole
 * platform on this machine and stops it on Ctrl-C. Run with {@code --help} for the options.
 */
public final class Launcher {

    static final String USAGE = """
            Usage: java -jar infra/target/infra.jar [options]   (from the repository root)
              --root=DIR          repository root holding the built jars (default: current directory)
              --port-offset=N     add N to every port, e.g. 10000 (default 0: gateway 8080, Keycloak 8180, PostgreSQL 15432)
              --infra-only        start PostgreSQL and Keycloak only, e.g. to run the services from an IDE
              --db-url=URL        use this database instead of an embedded PostgreSQL   (env JOINTOPS_DB_URL)
              --db-user=USER      its user that owns the schemas and migrates them      (env JOINTOPS_DB_USER)
              --db-password=PW    its password                                            (env JOINTOPS_DB_PASSWORD)
                                  Only the services' migrate-only runs get this login, before the services
                                  start. Each service logs in as jointops_<schema> with the password in
                                  JOINTOPS_DB_PASSWORD_<SCHEMA> (CASES, INTEL, FINANCE, CHEMICALS); the roles are
                                  the operator's (docs/runbook.md, "Database roles"). The embedded PostgreSQL makes
                                  its own, with passwords in .jointops/db-credentials.properties.
              --issuer-uri=URI    use this Keycloak realm instead of starting Keycloak    (env JOINTOPS_ISSUER_URI)
              --no-cds            run the service and gateway jars as built, not extracted with class data
                                  archives (infra/target/cds; the first start after a build writes them)
              --unsafe-fast-database
                                  UNSAFE: run the embedded PostgreSQL with fsync, synchronous_commit and
                                  full_page_writes off. Faster commits, but a crash of the machine can lose
                                  acknowledged commands and corrupt .jointops/pgdata. Benchmarks and throwaway
                                  data only; without it the database is durable.
            Environment: JOINTOPS_BUS_SECRET (default: random per launch),
                         JOINTOPS_JAVA_OPTS (JVM options of the services and the gateway).
                         Any other setting of the services, e.g. evidence files in an S3-compatible object
                         store: JOINTOPS_EVIDENCE_STORE=s3, JOINTOPS_EVIDENCE_S3_ENDPOINT, _S3_BUCKET, _S3_REGION,
                         _S3_PATHSTYLE, _S3_ACCESSKEY, _S3_SECRETKEY (the services inherit the launcher's
                         environment but database logins; docs/ARCHITECTURE.md "Evidence files").
            """;
    private static final Set<String> OPTIONS = Set.of("root", "port-offset", "infra-only", "db-url", "db-user",
            "db-password", "issuer-uri", "no-cds", "unsafe-fast-database", "help");

    public static void main(String[] args) {
        Map<String, String> arguments = parse(args);
        if (arguments == null || arguments.containsKey("help")) {
            System.out.print(USAGE);
            System.exit(arguments == null ? 2 : 0);
        }
        boolean infraOnly = arguments.containsKey("infra-only");
        PlatformOptions options = new PlatformOptions()
                .root(Path.of(arguments.getOrDefault("root", ".")))
                .portOffset(Integer.parseInt(arguments.getOrDefault("port-offset", "0")))
                .database(value(arguments, "db-url", "JOINTOPS_DB_URL"), value(arguments, "db-user", "JOINTOPS_DB_USER"),
                        value(arguments, "db-password", "JOINTOPS_DB_PASSWORD"))
                .issuerUri(value(arguments, "issuer-uri", "JOINTOPS_ISSUER_URI"))
                .busSecret(System.getenv("JOINTOPS_BUS_SECRET"))
                .classDataSharing(!arguments.containsKey("no-cds"))
                .unsafeFastDatabase(arguments.containsKey("unsafe-fast-database"));
        if (options.unsafeFastDatabase() && options.dbUrl() != null) {
            System.err.println("--unsafe-fast-database applies to the embedded PostgreSQL only, not to --db-url");
            System.exit(2);
        }
        if (options.dbUrl() != null) {
            Map<String, String> servicePasswords = new LinkedHashMap<>();
            for (Platform.Service service : Platform.SERVICES) {
                String password = System.getenv("JOINTOPS_DB_PASSWORD_" + service.schema().toUpperCase(java.util.Locale.ROOT));
                if (password != null && !password.isEmpty()) servicePasswords.put(service.schema(), password);
            }
            options.servicePasswords(servicePasswords);
        }
        String javaOpts = System.getenv("JOINTOPS_JAVA_OPTS");
        if (javaOpts != null && !javaOpts.isBlank()) options.javaOptions(Arrays.asList(javaOpts.trim().split("\\s+")));

        // infra only: PostgreSQL, Keycloak; else also the migrations, four services, the gateway and the token check
        int steps = (infraOnly ? 2 : 9) - (options.dbUrl() != null ? 1 : 0) - (options.issuerUri() != null ? 1 : 0);
        AtomicInteger step = new AtomicInteger();
        Platform platform = new Platform(options, new Platform.Listener() {
            @Override
            public void starting(String component, Path log) {
                System.out.println("      starting " + component + " (log: " + relative(options, log) + ")");
            }

            @Override
            public void ready(String component, long seconds, String detail) {
                System.out.printf("[%d/%d] %s ready in %d s  %s%n", step.incrementAndGet(), steps, component, seconds, detail);
            }

            @Override
            public void warning(String message) {
                System.err.println("WARNING: " + message);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping JointOps ...");
            platform.close();
            System.out.println("Stopped.");
        }, "jointops-shutdown"));

        System.out.println("Starting JointOps from " + options.root() + " (logs in " + relative(options, options.logDir()) + ")");
        if (options.unsafeFastDatabase()) System.out.print(unsafeWarning(relative(options, options.workDir().resolve("pgdata"))));
        long started = System.nanoTime();
        try {
            if (options.dbUrl() == null && value(arguments, "db-password", "JOINTOPS_DB_PASSWORD") == null) {
                // the embedded database's administrator: a password of its own, kept with the data directory
                options.database(null, null, DatabaseCredentials.load(options.workDir(), false).password(DatabaseCredentials.ADMIN));
            }
            if (!infraOnly) platform.checkJars(); // before anything is started: fail in a second, not after a minute
            platform.startDatabase();
            // the applications start together with Keycloak, not after it
            if (infraOnly) platform.startKeycloak();
            else platform.startApplications();
        } catch (StartupException e) {
            System.err.println("ERROR: " + e.getMessage());
            if (e.logTail() != null) System.err.println("---- end of the log ----" + System.lineSeparator() + e.logTail());
            hint(e.logTail(), relative(options, options.workDir())).ifPresent(System.err::println);
            System.exit(1); // the shutdown hook stops what was started
        }
        System.out.printf("Up in %d s.%n", java.time.Duration.ofNanos(System.nanoTime() - started).toSeconds());
        printSummary(platform, infraOnly);
        if (options.unsafeFastDatabase()) System.out.print(unsafeWarning(relative(options, options.workDir().resolve("pgdata"))));
        watch(platform);
    }

    /**
     * What to do about a start-up failure the user can fix: a database kept in the work directory from an older
     * checkout whose migrations no longer match (Flyway refuses them in a service's migrate-only run).
     */
    static Optional<String> hint(String logTail, String workDir) {
        if (logTail != null && logTail.contains("Migrations have failed validation")) {
            return Optional.of("HINT: the database in " + workDir + " was made by another version of JointOps."
                    + " Delete " + workDir + " (its data and the local development signing keys go with it) and start again.");
        }
        return Optional.empty();
    }

    /** The banner printed at the start and under the summary when the database runs without its durability. */
    static String unsafeWarning(String dataDirectory) {
        String rule = "!".repeat(100) + System.lineSeparator();
        return rule
                + "!! UNSAFE DATABASE (--unsafe-fast-database): PostgreSQL runs with fsync, synchronous_commit and" + System.lineSeparator()
                + "!! full_page_writes OFF. A crash of this machine (power loss, kernel panic, a killed VM) can lose" + System.lineSeparator()
                + "!! commands that were already acknowledged, and corrupt " + dataDirectory + ". Benchmarks and" + System.lineSeparator()
                + "!! throwaway data only; start without the option for a durable database." + System.lineSeparator()
                + rule;
    }

    /** Reports a process that dies after start-up; the rest keeps running until Ctrl-C. */
    private static void watch(Platform platform) {
        Set<String> reported = new HashSet<>();
        while (true) {
            ChildProcess.sleep(5000);
            for (String name : platform.exited()) {
                if (reported.add(name)) {
                    System.err.println("WARNING: " + name + " has exited; see " + relative(platform.options(),
                            platform.options().logDir().resolve(name + ".log")));
                }
            }
        }
    }

    private static void printSummary(Platform platform, boolean infraOnly) {
        String keycloak = platform.keycloakUrl();
        String tokenUrl = platform.issuerUri() + "/protocol/openid-connect/token";
        StringBuilder out = new StringBuilder(System.lineSeparator());
        out.append("JointOps is running. Ctrl-C stops everything.").append(System.lineSeparator());
        if (!infraOnly) {
            line(out, "Gateway", platform.gatewayUrl());
            line(out, "Swagger UI", platform.gatewayUrl() + "/swagger-ui.html");
        }
        line(out, "Keycloak", keycloak + (platform.startedKeycloak() ? "   (admin console: admin / admin)" : ""));
        line(out, "Issuer", platform.issuerUri());
        line(out, "PostgreSQL", platform.jdbcUrl() + (platform.startedDatabase()
                ? "   (every role's password: " + relative(platform.options(), platform.options().workDir().resolve(DatabaseCredentials.FILE)) + ")"
                : ""));
        if (infraOnly && platform.startedDatabase()) {
            Platform.Login login = platform.databaseLogin("cases");
            Platform.Login migration = platform.migrationLogin();
            out.append("  A service run from an IDE, e.g. case-service: first its migrations, as the schemas' owner (the run")
                    .append(System.lineSeparator())
                    .append("  migrates and exits), then the service itself with its own role; both with the passwords in that file:")
                    .append(System.lineSeparator());
            out.append("    migrate: program argument ").append("--jointops.migrate-only")
                    .append(", SPRING_DATASOURCE_USERNAME=").append(migration.user())
                    .append(" SPRING_DATASOURCE_PASSWORD=<").append(migration.user()).append('>').append(System.lineSeparator());
            out.append("    run:     SPRING_DATASOURCE_USERNAME=").append(login.user())
                    .append(" SPRING_DATASOURCE_PASSWORD=<").append(login.user()).append('>').append(System.lineSeparator());
            out.append("    and JOINTOPS_WEBHOOKS_SIGNING_KEY=<the key in ")
                    .append(relative(platform.options(), platform.options().workDir().resolve(DeploymentKeys.WEBHOOK_SIGNING)))
                    .append("> (webhooks' signing secrets)").append(System.lineSeparator());
            out.append("  The gateway from an IDE: JOINTOPS_FEED_CURSOR_KEY=<the key in ")
                    .append(relative(platform.options(), platform.options().workDir().resolve(DeploymentKeys.FEED_CURSOR)))
                    .append("> (seals the partner feed's cursors)").append(System.lineSeparator());
            DeploymentKeys.load(platform.options().workDir(), DeploymentKeys.FEED_CURSOR);
            DeploymentKeys.load(platform.options().workDir(), DeploymentKeys.WEBHOOK_SIGNING);
        }
        line(out, "Logs", relative(platform.options(), platform.options().logDir()));
        out.append(System.lineSeparator()).append("Demo users, password '").append(Realm.PASSWORD).append("':")
                .append(System.lineSeparator());
        for (Realm.User user : Realm.USERS) {
            out.append(String.format("  %-16s %-12s %s%n", user.username(), user.agency(), String.join(", ", user.roles())));
        }
        out.append(String.format("Partner systems (client credentials, role %s: the feed %s/api/feed):%n",
                Realm.FEED_READER, platform.gatewayUrl()));
        for (Realm.PartnerClient client : Realm.PARTNER_CLIENTS) {
            out.append(String.format("  %-28s secret %-28s %s%n", client.clientId(), client.secret(), client.agency()));
        }
        if (!infraOnly) {
            out.append(System.lineSeparator()).append("Open a case as cn.investigator:").append(System.lineSeparator());
            out.append("  TOKEN=$(curl -s ").append(tokenUrl)
                    .append(" -d grant_type=password -d client_id=").append(Realm.CLI_CLIENT)
                    .append(" -d username=cn.investigator -d password=").append(Realm.PASSWORD)
                    .append(" | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')").append(System.lineSeparator());
            out.append("  curl -s -i ").append(platform.gatewayUrl()).append("/api/cases -H \"Authorization: Bearer $TOKEN\"")
                    .append(" -H 'Content-Type: application/json' -d '{\"title\":\"Precursor shipments Tianjin-Los Angeles\",")
                    .append("\"summary\":\"Joint case on diverted precursor chemicals\",\"partnerAgencies\":[\"US-DEA\"],")
                    .append("\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}'").append(System.lineSeparator());
        }
        System.out.println(out);
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-11s %s%n", label, value));
    }

    private static String relative(PlatformOptions options, Path path) {
        return path.startsWith(options.root()) ? options.root().relativize(path).toString() : path.toString();
    }

    private static String value(Map<String, String> arguments, String option, String env) {
        String value = arguments.get(option);
        return value != null ? value : System.getenv(env);
    }

    /** {@code --name=value} and {@code --flag}; null on anything else. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) return fail("unexpected argument " + arg);
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!OPTIONS.contains(name)) return fail("unknown option --" + name);
            result.put(name, eq < 0 ? "" : arg.substring(eq + 1));
        }
        if (result.containsKey("port-offset") && !result.get("port-offset").matches("\\d{1,5}")) {
            return fail("--port-offset needs a number");
        }
        return result;
    }

    private static Map<String, String> fail(String message) {
        System.err.println(message);
        return null;
    }

    private Launcher() {
    }
}

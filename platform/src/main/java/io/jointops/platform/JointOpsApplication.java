package io.jointops.platform;

import io.jointops.platform.axon.MigrationConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A service's {@code main}: the service, or with {@link #MIGRATE_ONLY} its database migrations alone. The migrations
 * need the schemas' owner's login, which may change and delete events, so it is given only to a short-lived run that
 * migrates and exits (the launcher runs it before it starts the services; on Kubernetes an init container), never to
 * the long-running process, which logs in with its service's own role (docs/runbook.md, "Database roles").
 */
public final class JointOpsApplication {

    /** Migrate the database ({@code spring.datasource.*}: the owner's login) and exit: 0 once migrated, 1 if not. */
    public static final String MIGRATE_ONLY = "--jointops.migrate-only";

    private JointOpsApplication() {
    }

    public static void run(Class<?> application, String[] args) {
        if (Arrays.stream(args).anyMatch(JointOpsApplication::isMigrateOnly)) {
            System.exit(migrate(args));
        }
        SpringApplication.run(application, args);
    }

    /**
     * The migrations of {@link MigrationConfiguration} in a context of their own: the database and Flyway, no web
     * server, command bus, event processor or notary. The service's application.yml names its schema
     * ({@code jointops.schema}). Returns the exit status; Spring Boot has logged why when it is not 0.
     */
    public static int migrate(String... args) {
        List<String> arguments = new ArrayList<>(Arrays.stream(args).filter(a -> !isMigrateOnly(a)).toList());
        arguments.add("--spring.flyway.enabled=true");
        try {
            return SpringApplication.exit(new SpringApplicationBuilder(Migrations.class)
                    .web(WebApplicationType.NONE)
                    .run(arguments.toArray(String[]::new)));
        } catch (RuntimeException e) {
            return 1;
        }
    }

    private static boolean isMigrateOnly(String arg) {
        return arg.equals(MIGRATE_ONLY) || arg.equals(MIGRATE_ONLY + "=true");
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class, MigrationConfiguration.class})
    static class Migrations {
    }
}

package io.jointops.platform.axon;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The migrations of a service's database, the one way they run: Spring Boot's Flyway migrates the service's own schema
 * ({@code spring.flyway.*} in jointops-defaults.properties: {@code db/processing} and {@code db/<schema>}), and the
 * same configuration with another schema and location migrates the shared {@code eventstore} schema here; each runs
 * its {@code afterMigrate} grants (docs/runbook.md, "Database roles"). Both happen only where
 * {@code spring.flyway.enabled} is true: the migrate-only run of a service ({@code JointOpsApplication},
 * {@code --jointops.migrate-only}) with the schemas' owner's login, and a test's context on its test database. A
 * service's long-running process migrates nothing (false by default): its login is its own role's, which may not.
 */
@AutoConfiguration(after = FlywayAutoConfiguration.class, before = EventStoreConfiguration.class)
public class MigrationConfiguration {

    /** Boot's Flyway bean exists only where migrations are enabled (and configured with their login). */
    @Bean
    EventStoreMigration eventStoreMigration(ObjectProvider<Flyway> serviceSchema) {
        Flyway own = serviceSchema.getIfAvailable();
        if (own != null) {
            Flyway.configure().configuration(own.getConfiguration())
                    .schemas(EventStoreConfiguration.SCHEMA)
                    .defaultSchema(EventStoreConfiguration.SCHEMA)
                    .locations("classpath:db/eventstore")
                    .load()
                    .migrate();
        }
        return new EventStoreMigration();
    }
}

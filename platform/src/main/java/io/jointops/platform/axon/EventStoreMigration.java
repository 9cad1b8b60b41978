package io.jointops.platform.axon;

/**
 * Marker bean: the shared {@code eventstore} schema is migrated, by {@link MigrationConfiguration} in this context or,
 * in a service's long-running process, by the migrate-only run before it ({@code JointOpsApplication}). Beans that
 * touch the schema at start (the storage engine's schema, the notary) depend on it.
 */
public final class EventStoreMigration {

    EventStoreMigration() {
    }
}

package io.jointops.platform.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.axon.EventStoreConfiguration;
import io.jointops.platform.replay.ViewReplays;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.Set;

/**
 * Evidence files in a service whose items hold them ({@code jointops.evidence.item-types}): the store (PostgreSQL, the
 * service's own schema, or an S3-compatible object store by {@code jointops.evidence.store}), the evidence view's
 * processor and reads, and {@link Evidence} for the controllers.
 */
@AutoConfiguration(after = EventStoreConfiguration.class)
@ConditionalOnProperty(prefix = "jointops.evidence", name = "item-types")
@EnableConfigurationProperties(EvidenceProperties.class)
public class EvidenceConfiguration {

    /** The bytes in PostgreSQL unless {@code jointops.evidence.store=s3} (closed with the context). */
    @Bean
    EvidenceStore evidenceStore(DataSource dataSource, EvidenceProperties properties) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return switch (properties.store()) {
            case POSTGRESQL -> new PostgresEvidenceStore(jdbc);
            case S3 -> S3EvidenceStore.connect(jdbc, properties.s3());
        };
    }

    @Bean
    EvidenceLedger evidenceLedger(DataSource dataSource, ObjectMapper json, ViewReplays replays) {
        return new EvidenceLedger(JdbcClient.create(dataSource), json, replays);
    }

    @Bean
    EvidenceProjector evidenceProjector(DataSource dataSource, ObjectMapper json, EvidenceProperties properties) {
        return new EvidenceProjector(JdbcClient.create(dataSource), json, Set.copyOf(properties.itemTypes()));
    }

    @Bean
    Evidence evidence(CommandGateway commands, EventGateway events, EvidenceStore store, EvidenceLedger ledger,
                      EvidenceProperties properties, MeterRegistry meters) {
        return new Evidence(commands, events, store, ledger, properties, meters);
    }
}

package io.jointops.platform.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.axon.EventStoreConfiguration;
import io.jointops.platform.privacy.PersonalData;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

/** The global audit query ({@code GET /api/audit/events}), in the service that sets {@code jointops.audit.query.enabled=true}. */
@AutoConfiguration(after = EventStoreConfiguration.class)
@ConditionalOnProperty(name = "jointops.audit.query.enabled", havingValue = "true")
@Import(AuditEventsController.class)
public class AuditQueryConfiguration {

    @Bean
    AuditEvents auditEvents(DataSource dataSource, ObjectMapper objectMapper, PersonalData personalData) {
        return new AuditEvents(JdbcClient.create(dataSource), objectMapper, personalData);
    }
}

package io.jointops.notary;

import io.jointops.platform.axon.EventStoreConfiguration;
import io.jointops.platform.axon.EventStoreMigration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The notary's record, read-only, in a service that does not run the notary but exports its own items' bundles
 * ({@code jointops.notary.reader=true}): each context answers the export of its items under its own visibility policy,
 * so the exporter runs where that policy is. The tree is rebuilt in memory from {@code eventstore.audit_leaf} on first
 * use and caught up before every answer, as a second notary replica reads it; nothing schedules the notary here, and
 * the service's database role may only read the audit tables (the migrations' grants), so nothing here writes the log.
 * No API of the notary's is served.
 */
@AutoConfiguration(after = {EventStoreConfiguration.class, NotaryConfiguration.class})
@ConditionalOnProperty(prefix = "jointops.notary", name = "reader", havingValue = "true")
@ConditionalOnMissingBean(Notary.class)
@EnableConfigurationProperties(NotaryProperties.class)
public class AuditLogReaderConfiguration {

    @Bean
    Notary auditLogReader(EventStoreMigration migrated, DataSource dataSource,
                          PlatformTransactionManager transactionManager, NotaryProperties properties) {
        // the agencies' public keys, where configured, go into bundles for reference (the verifier never reads them)
        return new Notary(new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager), properties,
                AgencyKeys.load(properties), Clock.systemUTC());
    }

    @Bean
    BundleExporter auditLogExporter(Notary auditLogReader, DataSource dataSource, NotaryProperties properties) {
        return new BundleExporter(auditLogReader, JdbcClient.create(dataSource), properties.getMaxExportEvents());
    }
}

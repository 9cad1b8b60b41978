package io.jointops.cases.retention;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.jointops.platform.privacy.SubjectKeys;
import io.jointops.platform.replay.ViewReplays;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionRules.class)
class RetentionConfiguration {

    @Bean
    Retention retention(RetentionRules rules, DataSource dataSource, SubjectKeys keys, EventGateway events,
                        PlatformTransactionManager transactionManager, ViewReplays replays) {
        return new Retention(rules, JdbcClient.create(dataSource), keys, events, new TransactionTemplate(transactionManager),
                replays);
    }

    /** The retention run, every interval, once across the service's replicas (db-scheduler's lock). */
    @Bean
    RecurringTask<Void> retentionRun(Retention retention, RetentionRules rules) {
        return Tasks.recurring("privacy-retention", FixedDelay.of(rules.interval()))
                .execute((instance, context) -> retention.run(Instant.now()));
    }
}

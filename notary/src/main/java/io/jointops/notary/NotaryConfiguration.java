package io.jointops.notary;

import io.jointops.platform.axon.EventStoreConfiguration;
import io.jointops.platform.axon.EventStoreMigration;
import io.jointops.platform.axon.WakeableEventStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The notary and its API, in the one service that sets {@code jointops.notary.enabled=true}. The tables are migrated
 * by every service with the rest of the {@code eventstore} schema. Two health indicators: {@code notaryKeys} (DOWN
 * when no participating agency is configured, so no checkpoint can ever be issued: meant for the readiness group,
 * which the Kubernetes manifests extend with it) and {@code notary} (DOWN while the notary refuses to sign because its
 * tree does not extend the stored checkpoints, or an in-process co-signer refuses: an alert, not a reason to stop
 * serving the API); metrics {@code jointops.notary.refusing} and {@code jointops.notary.uncovered.leaves}.
 */
@AutoConfiguration(after = EventStoreConfiguration.class)
@ConditionalOnProperty(prefix = "jointops.notary", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(NotaryProperties.class)
@Import(AuditController.class)
public class NotaryConfiguration {

    @Bean
    AgencyKeys notaryAgencyKeys(NotaryProperties properties) {
        return AgencyKeys.load(properties);
    }

    @Bean
    Notary notary(EventStoreMigration migrated, DataSource dataSource,
                  PlatformTransactionManager transactionManager, NotaryProperties properties, AgencyKeys keys) {
        return new Notary(new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager), properties, keys,
                InProcessCoSigners.load(properties, keys), Clock.systemUTC());
    }

    /** Readiness: without a participating agency the notary can never issue a checkpoint. */
    @Bean
    HealthIndicator notaryKeysHealthIndicator(AgencyKeys keys) {
        return () -> keys.isEmpty()
                ? Health.down().withDetail("reason", "no agency is configured (jointops.notary.agencies.*):"
                + " no checkpoint is ever issued").build()
                : Health.up().withDetail("agencies", keys.names()).build();
    }

    /** DOWN while the notary refuses to sign (or an in-process co-signer refuses), with the reason. */
    @Bean
    HealthIndicator notaryHealthIndicator(Notary notary) {
        return () -> {
            Map<String, String> coSigners = notary.coSignerRefusals();
            return notary.refusal()
                    .map(refusal -> Health.down().withDetail("refusing", refusal.kind())
                            .withDetail("reason", refusal.reason()).withDetail("since", refusal.since().toString()))
                    .orElseGet(() -> coSigners.isEmpty() ? Health.up()
                            : Health.down().withDetail("coSignersRefusing", coSigners))
                    .build();
        };
    }

    /**
     * {@code jointops.notary.refusing}: 1 while the notary refuses to sign; {@code jointops.notary.uncovered.leaves}:
     * leaves no complete checkpoint covers yet (co-signers not signing), read at most every 30 s.
     */
    @Bean
    MeterBinder notaryMetrics(Notary notary) {
        return registry -> {
            Gauge.builder("jointops.notary.refusing", notary, n -> n.refusal().isPresent() ? 1 : 0)
                    .description("1 while the notary refuses to take events in and to sign checkpoints (the log in"
                            + " the database does not extend what was signed)")
                    .register(registry);
            Gauge.builder("jointops.notary.uncovered.leaves", new UncoveredLeaves(notary), UncoveredLeaves::value)
                    .description("Leaves of the audit log that no checkpoint signed by every agency covers yet")
                    .strongReference(true) // nothing else holds it
                    .register(registry);
        };
    }

    /** {@link Notary#uncoveredLeaves()}, asked at most every 30 s (a scrape should not cost a query each time). */
    static final class UncoveredLeaves {
        private static final long EVERY = TimeUnit.SECONDS.toNanos(30);
        private final Notary notary;
        private long readAt;
        private double value = Double.NaN;

        UncoveredLeaves(Notary notary) {
            this.notary = notary;
        }

        synchronized double value() {
            if (Double.isNaN(value) || System.nanoTime() - readAt > EVERY) {
                readAt = System.nanoTime();
                try {
                    value = notary.uncoveredLeaves();
                } catch (RuntimeException e) {
                    value = Double.NaN;
                }
            }
            return value;
        }
    }

    @Bean
    BundleExporter bundleExporter(Notary notary, DataSource dataSource, NotaryProperties properties) {
        return new BundleExporter(notary, JdbcClient.create(dataSource), properties.getMaxExportEvents());
    }

    @Bean
    NotarySchedule notarySchedule(Notary notary, NotaryProperties properties, WakeableEventStore eventStore) {
        NotarySchedule schedule = new NotarySchedule(notary, properties.getInterval().toMillis());
        eventStore.onCommit(schedule::eventsCommitted);
        return schedule;
    }

    /**
     * Runs the notary every interval on one thread of its own while the service runs (interval 0: never), when there
     * may be something to take in: events were committed since its last run, its last run issued a checkpoint (more
     * may follow), or {@link #QUIET_RUN} has passed (a gap given up on by its timeout, another replica's commits while
     * this one's listener was down). An idle platform's notary sends no query for a minute.
     */
    static final class NotarySchedule implements SmartLifecycle {

        private static final Logger log = LoggerFactory.getLogger(NotarySchedule.class);
        static final long QUIET_RUN = TimeUnit.MINUTES.toNanos(1);

        private final Notary notary;
        private final long intervalMillis;
        private ScheduledExecutorService executor;
        private volatile boolean due = true;
        private long lastRun = System.nanoTime();

        NotarySchedule(Notary notary, long intervalMillis) {
            this.notary = notary;
            this.intervalMillis = intervalMillis;
        }

        void eventsCommitted() {
            due = true;
        }

        @Override
        public synchronized void start() {
            if (intervalMillis <= 0) {
                return;
            }
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "notary");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::run, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        }

        private void run() {
            if (!due && System.nanoTime() - lastRun < QUIET_RUN) {
                return;
            }
            due = false; // cleared before: a commit during the run makes the next one run too
            lastRun = System.nanoTime();
            try {
                if (notary.notarize().isPresent()) {
                    due = true;
                }
            } catch (RuntimeException e) {
                due = true;
                log.error("Notarising failed; retrying in {} ms", intervalMillis, e);
            }
        }

        @Override
        public synchronized void stop() {
            if (executor != null) {
                executor.shutdownNow();
                executor = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return executor != null;
        }
    }
}

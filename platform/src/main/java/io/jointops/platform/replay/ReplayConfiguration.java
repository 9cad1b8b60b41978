package io.jointops.platform.replay;

import io.jointops.platform.axon.ReplicaSignals;
import io.jointops.platform.axon.SegmentShare;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * View replays for every service: the service names its views ({@code jointops.replay.views}) and its API path
 * ({@code jointops.api-path}); the endpoints live under {@code <api path>/admin/replays}.
 */
@AutoConfiguration(after = AxonAutoConfiguration.class)
@Import(ReplayController.class)
public class ReplayConfiguration {

    @Bean(destroyMethod = "close")
    ViewReplays viewReplays(org.axonframework.config.Configuration axon, DataSource dataSource,
                            ObjectProvider<MeterRegistry> meters,
                            @Value("${jointops.replay.views:}") Set<String> views,
                            @Value("${jointops.replay.no-op-view.enabled:false}") boolean noOpView,
                            @Value("${jointops.replay.progress-interval:2s}") Duration progressInterval,
                            @Value("${jointops.replay.retry-after-seconds:5}") long retryAfterSeconds,
                            @Value("${axon.eventhandling.tokenstore.claim-timeout}") Duration claimTimeout,
                            ReplicaSignals replicaSignals, SegmentShare segmentShare) {
        return new ViewReplays(axon, org.springframework.jdbc.core.simple.JdbcClient.create(dataSource),
                meters.getIfAvailable(), noOpView ? withNoOpView(views) : views, progressInterval, retryAfterSeconds,
                Clock.systemUTC(), replicaSignals, segmentShare, claimTimeout);
    }

    /** The view without writes whose rebuild is the replay benchmark's ceiling ({@link NoOpView}). */
    @Bean
    @ConditionalOnProperty(name = "jointops.replay.no-op-view.enabled", havingValue = "true")
    NoOpView noOpView() {
        return new NoOpView();
    }

    private static Set<String> withNoOpView(Set<String> views) {
        Set<String> all = new HashSet<>(views);
        all.add(NoOpView.PROCESSING_GROUP);
        return all;
    }
}

package io.jointops.platform.replay;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
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
                            @Value("${jointops.replay.progress-interval:2s}") Duration progressInterval,
                            @Value("${jointops.replay.retry-after-seconds:5}") long retryAfterSeconds) {
        return new ViewReplays(axon, org.springframework.jdbc.core.simple.JdbcClient.create(dataSource),
                meters.getIfAvailable(), views, progressInterval, retryAfterSeconds, Clock.systemUTC());
    }
}

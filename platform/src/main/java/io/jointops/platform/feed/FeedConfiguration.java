package io.jointops.platform.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.axon.EventStoreConfiguration;
import io.jointops.platform.axon.ReplicaSignals;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The partner feed in a service that declares its kinds of item ({@link FeedKind} beans): the feed's processor, its
 * table's reads and the service's part of the feed ({@code GET /internal/feed}); the kinds' aggregates are checked
 * against the service's at start. {@link FeedListener} beans are told what each batch delivered.
 */
@AutoConfiguration(after = EventStoreConfiguration.class)
@ConditionalOnBean(FeedKind.class)
@Import(FeedController.class)
public class FeedConfiguration {

    @Bean
    FeedKinds feedKinds(List<FeedKind<?>> kinds) {
        return new FeedKinds(kinds);
    }

    @Bean
    FeedTable feedTable(DataSource dataSource, ObjectMapper json) {
        return new FeedTable(JdbcClient.create(dataSource), json);
    }

    @Bean
    FeedSignal feedSignal(ReplicaSignals replicas) {
        return new FeedSignal(replicas);
    }

    /**
     * @param viewWait how long a batch waits for an item's view to show the batch's last event of the item before
     *                 the batch fails and is retried
     */
    @Bean
    FeedProjector feedProjector(FeedKinds kinds, FeedTable table, FeedSignal signal,
                                @Value("${jointops.feed.view-wait:10s}") Duration viewWait,
                                ObjectProvider<FeedListener> listeners) {
        return new FeedProjector(kinds, table, signal, viewWait, listeners.orderedStream().toList());
    }

    @Bean
    PartnerFeed partnerFeed(@Value("${jointops.schema}") String context, FeedKinds kinds, FeedTable table,
                            FeedSignal signal) {
        return new PartnerFeed(context, kinds, table, signal);
    }

    /**
     * One segment, so one thread writes the feed and its rows' positions follow the commits (a reader that has read
     * up to a position never finds a row committed below it later); errors propagate, so a failed batch is retried
     * by the processor and never skipped.
     */
    @Bean
    ConfigurerModule feedProcessor(ObjectProvider<FeedKinds> kinds) {
        return configurer -> {
            configurer.eventProcessing(processing -> processing
                    .registerPooledStreamingEventProcessorConfiguration(FeedProjector.PROCESSING_GROUP,
                            (config, builder) -> builder.initialSegmentCount(1))
                    .registerListenerInvocationErrorHandler(FeedProjector.PROCESSING_GROUP,
                            config -> PropagatingErrorHandler.instance()));
            // a kind naming an aggregate the service does not have stops it at start (the kinds are looked up then:
            // they need the views, which need Axon's configuration, which takes this module)
            configurer.onInitialize(config -> config.onStart(() -> kinds.getObject().requireAggregates(
                    config.findModules(AggregateConfiguration.class).stream()
                            .map(aggregate -> aggregate.aggregateType().getSimpleName())
                            .collect(Collectors.toSet()))));
        };
    }
}

package io.jointops.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.privacy.ErasureFollower;
import io.jointops.platform.privacy.JdbcSubjectKeys;
import io.jointops.platform.privacy.PersonalData;
import io.jointops.platform.privacy.PersonalDataSerializer;
import io.jointops.platform.privacy.SubjectKeys;
import io.jointops.platform.privacy.WrappingKey;
import io.jointops.platform.privacy.Subjects;
import io.jointops.platform.query.ItemChangeSignal;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.query.ItemEvents;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.ProcessingGroup;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * One event store for all services, in schema {@code eventstore}: a single global order that auditors replay.
 * Each service keeps its tokens, sagas and views in its own schema (the connection's default schema).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
public class EventStoreConfiguration {

    /** The names of the timers Axon's {@code MessageTimerMonitor} makes. */
    private static final Pattern AXON_TIMER = Pattern.compile("[A-Za-z]+\\.(all|success|failure|ignored)Timer");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EventStoreConfiguration.class);

    public static final String SCHEMA = "eventstore";

    @Bean
    EventSchema eventSchema(EventStoreMigration migrated) {
        return EventSchema.builder()
                .eventTable(SCHEMA + ".domain_event_entry")
                .snapshotTable(SCHEMA + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** Tokens live in the service's own schema (the connection's default), in snake_case like every table. */
    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Axon's JDBC token store ({@link SharedClaimTokenStore}: idle claims extended in one statement per node), under
     * a node name that a restarted instance keeps (service, host, port): it takes its own segments back at once
     * instead of after the claim timeout. Two instances never share host and port, so never a name.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          DataSource dataSource,
                          @Value("${spring.application.name}") String application,
                          @Value("${server.port:8080}") int port,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout}") Duration claimTimeout,
                          @Value("${jointops.processing.claim-search-refresh}") Duration searchRefresh,
                          @Value("${jointops.processing.claim-extension-interval}") Duration extension)
            throws UnknownHostException {
        Duration refresh = claimTimeout.dividedBy(3);
        if (refresh.plus(extension).compareTo(claimTimeout) >= 0) {
            // a claim could then age past the timeout between two extensions, and another replica take it
            throw new IllegalStateException("jointops.processing.claim-extension-interval (" + extension
                    + ") must be below two thirds of axon.eventhandling.tokenstore.claim-timeout (" + claimTimeout + ")");
        }
        return new SharedClaimTokenStore(JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(claimTimeout),
                JdbcClient.create(dataSource), tokenSchema,
                application + "@" + InetAddress.getLocalHost().getHostName() + ":" + port,
                refresh, searchRefresh, java.time.Clock.systemUTC());
    }

    /**
     * Each replica of the service holds its share of every processor's segments ({@link SegmentShare}), so that
     * the replicas share the views' work; the count of replicas is read again every {@code replica-count-refresh}
     * and whenever another replica signals a change.
     */
    @Bean
    SegmentShare segmentShare(DataSource dataSource, TokenSchema tokenSchema, TokenStore tokenStore,
                              ReplicaSignals replicaSignals,
                              @Value("${jointops.event-store.notify.enabled:true}") boolean notify,
                              @Value("${jointops.event-store.notify.channel:jointops_events}") String channel,
                              @Value("${spring.application.name}") String application,
                              @Value("${jointops.processing.replica-count-refresh}") Duration refresh,
                              @Value("${axon.eventhandling.tokenstore.claim-timeout}") Duration claimTimeout) {
        // the replicas are known by their listeners: without notifications there is none to count
        SegmentShare share = new SegmentShare(JdbcClient.create(dataSource), tokenSchema,
                notify ? EventStoreWakeUp.replicaChannel(channel, application) : null, refresh,
                java.time.Clock.systemUTC());
        if (tokenStore instanceof SharedClaimTokenStore store) {
            share.coordinate(store, replicaSignals, claimTimeout);
        }
        return share;
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .sagaIdColumn("saga_id")
                .revisionColumn("revision")
                .sagaTypeColumn("saga_type")
                .serializedSagaColumn("serialized_saga")
                .associationValueEntryTable("association_value_entry")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    /**
     * The data subjects' keys (docs/privacy.md): the table {@code eventstore.personal_data_key}, each key wrapped by
     * the key {@code jointops.privacy.wrapping-key.*} names in an HSM or KMS (PKCS#11) where one is configured.
     */
    @Bean
    SubjectKeys subjectKeys(DataSource dataSource,
                            @Value("${jointops.privacy.key-cache-ttl:PT10M}") Duration ttl,
                            @Value("${jointops.privacy.wrapping-key.pkcs11-library:}") String library,
                            @Value("${jointops.privacy.wrapping-key.slot:0}") long slot,
                            @Value("${jointops.privacy.wrapping-key.pin:}") String pin,
                            @Value("${jointops.privacy.wrapping-key.label:jointops-wrapping-key}") String label) {
        WrappingKey wrapping = library.isBlank() ? null : WrappingKey.pkcs11(library, slot, pin.toCharArray(), label);
        return new JdbcSubjectKeys(JdbcClient.create(dataSource), SCHEMA, ttl, wrapping);
    }

    @Bean
    PersonalData personalData(SubjectKeys subjectKeys) {
        return new PersonalData(subjectKeys);
    }

    /** Follows erasures in every service: forgets remembered keys and aggregates and rebuilds the service's views. */
    @Bean
    ErasureFollower erasureFollower(SubjectKeys subjectKeys, AggregateCache aggregateCache,
                                    ObjectProvider<ViewReplays> viewReplays) {
        // the replays are looked up on use: they need Axon's configuration
        return new ErasureFollower(subjectKeys, aggregateCache, viewReplays::getObject);
    }

    /**
     * The aggregates last handled here ({@code @Aggregate(cache = AggregateCache.BEAN)}): as many as the heap holds
     * comfortably (a case with hundreds of links is some tens of KB), each read again from the store after the time
     * a subject key is remembered, so that an erasure another replica followed reaches this one's aggregates as soon
     * as its keys.
     */
    @Bean(AggregateCache.BEAN)
    AggregateCache aggregateCache(@Value("${jointops.aggregate-cache.maximum-size:10000}") long maximumSize,
                                  @Value("${jointops.privacy.key-cache-ttl:PT10M}") Duration keyTtl,
                                  ObjectProvider<EventStore> eventStore, ObjectProvider<MeterRegistry> meters) {
        AggregateCache cache = new AggregateCache(maximumSize, keyTtl, eventStore::getObject);
        meters.ifAvailable(cache::bindTo);
        return cache;
    }

    /** Data subjects' references, for erasure orders that name a subject by its identifier. */
    @Bean
    Subjects subjects(PersonalData personalData) {
        return personalData.subjects();
    }

    /**
     * The event serializer: Axon's Jackson serializer, encrypting personal fields as events are appended and
     * decrypting them as they are read ({@link PersonalDataSerializer}), the one place that does, so aggregates,
     * handlers and controllers see plain values. Declared here, Axon's own {@code eventSerializer} steps aside.
     */
    @Bean
    @Qualifier("eventSerializer")
    PersonalDataSerializer eventSerializer(@Qualifier("serializer") Serializer serializer, PersonalData personalData) {
        return new PersonalDataSerializer(serializer, personalData);
    }

    /** Axon's JDBC engine does not fit our own event store bean by auto-configuration, so it is declared here. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          DataSource dataSource,
                                          @Value("${jointops.event-store.notify.enabled:true}") boolean notify,
                                          @Value("${jointops.event-store.notify.channel:jointops_events}") String channel,
                                          @Value("${jointops.event-store.batch-size:1000}") int batchSize) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .batchSize(batchSize)
                .appendEvents(new PersonalDataAppend(JdbcSubjectKeys.table(SCHEMA)))
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema);
        if (!notify) {
            return builder.build();
        }
        try {
            // the filtered reads get a pool of their own, on the service's database and login (the engine says why)
            return new NotifyingEventStorageEngine(builder, dataSource.unwrap(HikariDataSource.class), channel);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The event store's reads need the service's pool to be HikariCP's, as "
                    + "Spring Boot makes it: " + e.getMessage(), e);
        }
    }

    /**
     * With NOTIFY on (the default), processors read the event table through {@link StoreEventStream}s that the
     * commit's notification wakes ({@link EventStoreWakeUp}): views follow a write within milliseconds. With it off,
     * processors use the embedded store's streams, which poll every fetch delay, and pooled processors look only
     * every 500 ms.
     */
    @Bean
    WakeableEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration,
                                  @Value("${jointops.event-store.fetch-delay-ms:100}") long fetchDelayMs) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(fetchDelayMs);
        return new WakeableEventStore(builder);
    }

    /** Signals between the service's replicas (sent and heard through the event store's notifications, if on). */
    @Bean
    ReplicaSignals replicaSignals() {
        return new ReplicaSignals();
    }

    /**
     * Wakes the event store when a service commits events of a type one of its streams reads (PostgreSQL LISTEN on
     * the types' channels).
     */
    @Bean
    @ConditionalOnProperty(name = "jointops.event-store.notify.enabled", havingValue = "true", matchIfMissing = true)
    EventStoreWakeUp eventStoreWakeUp(DataSource dataSource, WakeableEventStore eventStore,
                                      EventStorageEngine storageEngine, ReplicaSignals replicaSignals,
                                      @Value("${jointops.event-store.notify.channel:jointops_events}") String channel,
                                      @Value("${spring.application.name}") String application) {
        // this process's own commits woke its streams as they committed: their announcements are passed over
        LongSupplier own = storageEngine instanceof NotifyingEventStorageEngine engine ? engine::announcingBackend
                : () -> -1;
        EventStoreWakeUp wakeUp = new EventStoreWakeUp(dataSource, channel, eventStore::payloadTypesHeard,
                eventStore::wake, own);
        // and what this listener hears is no reason for this process's announcer to announce
        if (storageEngine instanceof NotifyingEventStorageEngine engine) {
            engine.ownListener(wakeUp::backend);
            // the service's replicas tell each other what their processors committed: a write waiting in one for a
            // view another writes reads it then, not at its next fallback look (ReadYourWrites)
            String replicas = EventStoreWakeUp.replicaChannel(channel, application);
            engine.tellReplicasOn(replicas);
            replicaSignals.sendWith(engine::replicaSignal);
            wakeUp.hearReplicas(replicas, ReadYourWrites::itemChanged, replicaSignals::received);
        }
        return wakeUp;
    }

    /**
     * Pooled streaming processors with large batches: the default batch of 1 replays about five times slower.
     * The segment count must be at least the most replicas a service runs (the HPA maximum).
     * Tracking processors (one thread per segment) were tried: each of their threads reads every event, and catching
     * up 30,000 events or rebuilding a view ran at tens of events per second with about 36 threads per service
     * (docs/performance.md). Pooled processors read once per processor, and react at once to a commit through
     * their {@link StoreEventStream}.
     */
    @Bean
    ConfigurerModule eventProcessorDefaults(@Value("${jointops.processing.segments:4}") int segments,
                                            @Value("${jointops.processing.batch-size:500}") int batchSize,
                                            @Value("${jointops.processing.claim-extension-interval}") Duration extension,
                                            @Value("${jointops.processing.claim-search-interval}") Duration search,
                                            SegmentShare share, ApplicationContext context) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((config, builder) -> {
                    String name = builder.name();
                    if (config.eventStore() instanceof WakeableEventStore store) {
                        // each processor's stream carries (and wakes for) only the events its handlers take
                        builder.messageSource(store.source(() -> {
                            Set<String> types = HandledPayloadTypes.of(config, name, handlersOf(context, name));
                            log.info("Processor {} reads {}", name, types == null ? "every event" : types.size()
                                    + " event types: " + types.stream().map(t -> t.substring(t.lastIndexOf('.') + 1))
                                    .sorted().toList());
                            return types;
                        }));
                    }
                    // one thread per processor: its coordinator and its segments' work packages take turns on
                    // it, so a batch the coordinator read is processed without waking another thread (Axon's
                    // default is a coordinator thread and four workers, a hand-off per batch)
                    ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
                            new AxonThreadFactory("Processor[" + name + "]"));
                    config.onShutdown(thread::shutdown);
                    return builder.coordinatorExecutor(thread).workerExecutor(thread)
                            .initialSegmentCount(segments).batchSize(batchSize)
                            // how often an idle processor's segments ask for their claims to be extended, and how
                            // often it looks for segments to claim (its retry after an error); SharedClaimTokenStore
                            // answers most of both without a query
                            .claimExtensionThreshold(extension.toMillis())
                            .tokenClaimInterval(search.toMillis())
                            // claims no more than its share of the segments among the replicas, releases the rest
                            .maxSegmentProvider(share);
                })
                // a write waiting for its view is woken by the commit that brought the view there
                .registerDefaultHandlerInterceptor((config, name) -> new ItemChangeSignal(
                        otherReplicas(context.getBean(EventStorageEngine.class)))));
    }

    /** Whom to tell an item a processor of this process committed, for the service's other replicas. */
    public static BiConsumer<String, Long> otherReplicas(EventStorageEngine storageEngine) {
        if (storageEngine instanceof NotifyingEventStorageEngine engine) {
            return engine::itemProcessed;
        }
        return (item, sequence) -> {
        }; // without notifications, writes in other replicas find their view at their own looks
    }

    /** Stuck commands and batches of events are logged and then interrupted; Axon's own timeouts are off. */
    @Bean
    StuckWork stuckWork(@Value("${jointops.stuck-work.warn-after}") Duration warnAfter,
                        @Value("${jointops.stuck-work.interrupt-after}") Duration interruptAfter) {
        return new StuckWork(warnAfter, interruptAfter);
    }

    /**
     * Axon's message timers (Micrometer's {@code MessageTimerMonitor}: four per message type and processor) without
     * their six client-side percentiles each: recording those on every message that every processor and the command
     * bus handle was a share of each event's cost (docs/performance.md); the dashboards and alerts read the timers'
     * count, sum and max.
     */
    @Bean
    MeterFilter axonTimersWithoutPercentiles() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getType() == Meter.Type.TIMER && AXON_TIMER.matcher(id.getName()).matches()
                        ? DistributionStatisticConfig.builder().percentiles().build().merge(config) : config;
            }
        };
    }

    /** The beans of processing group {@code name} (every event handler here names its group). */
    private static List<Object> handlersOf(ApplicationContext context, String name) {
        return context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> name.equals(AnnotatedElementUtils.findMergedAnnotation(AopUtils.getTargetClass(bean),
                        ProcessingGroup.class).value()))
                .toList();
    }

    /** Items' histories, read as the event store reads events: the event serializer and the service's upcasters. */
    @Bean
    EventHistory eventHistory(DataSource dataSource, @Qualifier("eventSerializer") Serializer eventSerializer,
                              org.axonframework.config.Configuration configuration) {
        return new EventHistory(JdbcClient.create(dataSource), eventSerializer, configuration::upcasterChain);
    }

    @Bean
    ItemEvents itemEvents(EventStore eventStore) {
        return new ItemEvents(eventStore);
    }

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> rejectionTranslation() {
        return new RejectionTranslation();
    }
}

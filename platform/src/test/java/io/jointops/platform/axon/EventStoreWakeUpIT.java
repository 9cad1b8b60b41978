package io.jointops.platform.axon;

import com.zaxxer.hikari.HikariConfig;
import io.jointops.platform.test.TestDatabase;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two "services" on one PostgreSQL event store: an append through the notifying engine wakes the other service's
 * listener (and an append without NOTIFY does not), and the woken store hands the event to its stream. How much this
 * shortens cross-service propagation is measured by the bench (docs/performance.md).
 */
class EventStoreWakeUpIT {

    static final int FETCH_DELAY_MS = 10_000;
    /** A listener started this long ago listens, is registered, and has taken its second look (EventStoreWakeUp). */
    static final int SETTLED_MS = 3_000;
    static DriverManagerDataSource dataSource;
    static NotifyingEventStorageEngine writer;
    static WakeableEventStore reader;
    static EventStoreWakeUp wakeUp;

    @BeforeAll
    static void database() throws SQLException {
        dataSource = TestDatabase.ownDatabase("event_wake_up", true);
        writer = notifyingEngine();
        reader = new WakeableEventStore(EmbeddedEventStore.builder().storageEngine(engine().build())
                .fetchDelay(FETCH_DELAY_MS));
        wakeUp = new EventStoreWakeUp(dataSource, "jointops_events", reader::wake);
    }

    @AfterAll
    static void stop() {
        wakeUp.stop();
        reader.shutDown();
    }

    @Test
    void anAppendWithNotifyWakesTheOtherStoreAndOneWithoutDoesNot() throws Exception {
        Semaphore wakes = new Semaphore(0);
        EventStoreWakeUp listener = new EventStoreWakeUp(dataSource, "jointops_events", types -> wakes.release());
        listener.start();
        try {
            Thread.sleep(SETTLED_MS); // listening, registered, and its second look taken
            wakes.drainPermits();
            append();
            long committed = System.nanoTime();
            assertThat(wakes.tryAcquire(2, TimeUnit.SECONDS)).as("woken by the append's NOTIFY").isTrue();
            System.out.println("[wake-up] woken " + Duration.ofNanos(System.nanoTime() - committed).toMillis() + " ms after the append committed");

            engine().build().appendEvents(new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0, "silent"));
            assertThat(wakes.tryAcquire(1500, TimeUnit.MILLISECONDS)).as("woken without a NOTIFY").isFalse();
        } finally {
            listener.stop();
        }
    }

    /**
     * A listener that hears only the types its streams read is told of a commit of one of them and of nothing else;
     * a listener of every commit hears both, with the types named.
     */
    @Test
    void aListenerHearsTheCommitsOfTheTypesItReadsOnly() throws Exception {
        BlockingQueue<Set<String>> typed = new LinkedBlockingQueue<>();
        BlockingQueue<Set<String>> all = new LinkedBlockingQueue<>();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        String string = serializer.typeForClass(String.class).getName();
        EventStoreWakeUp hearsStrings = new EventStoreWakeUp(dataSource, "jointops_events", () -> Set.of(string),
                typed::add);
        EventStoreWakeUp hearsAll = new EventStoreWakeUp(dataSource, "jointops_events", all::add);
        hearsStrings.start();
        hearsAll.start();
        try {
            EventAnnouncementIT.settled(typed);
            EventAnnouncementIT.settled(all);

            writer.appendEvents(new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0, 42L));
            assertThat(all.poll(2, TimeUnit.SECONDS)).containsExactly(serializer.typeForClass(Long.class).getName());
            assertThat(typed.poll(1, TimeUnit.SECONDS)).as("a commit of a type not read").isNull();

            append();
            assertThat(typed.poll(2, TimeUnit.SECONDS)).containsExactly(string);
            assertThat(all.poll(2, TimeUnit.SECONDS)).containsExactly(string);
        } finally {
            hearsStrings.stop();
            hearsAll.stop();
        }
    }

    @Test
    void theWokenStoreReadsTheEventAppendedElsewhere() throws Exception {
        wakeUp.start();
        Thread.sleep(1000);
        try (BlockingStream<TrackedEventMessage<?>> stream = reader.openStream(reader.createHeadToken())) {
            append();
            assertThat(stream.hasNextAvailable(FETCH_DELAY_MS / 2, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("appended elsewhere");
        }
    }

    /**
     * A pooled processor on a store whose engine announces commits gets a {@link StoreEventStream}: it is told of an
     * event committed by another service at once. Without the announcement reaching it, the processor would look
     * again only after its 5 s claim interval (with the embedded store's streams, every 500 ms).
     */
    @Test
    void aPooledProcessorHandlesAnEventCommittedElsewhereWithoutWaitingForItsNextLook() throws Exception {
        NotifyingEventStorageEngine engine = notifyingEngine();
        WakeableEventStore store = storeOn(engine);
        EventStoreWakeUp listener = new EventStoreWakeUp(dataSource, "jointops_events", store::wake);
        BlockingQueue<Object> handled = new LinkedBlockingQueue<>();
        PooledStreamingEventProcessor processor = processor("wake-up-test", SimpleEventHandlerInvoker.builder()
                .eventHandlers((EventMessageHandler) event -> handled.add(event.getPayload()))
                .build(), store);
        listener.start();
        processor.start();
        try {
            Thread.sleep(2000); // segments claimed, stream open, LISTEN in place
            for (int i = 0; i < 3; i++) {
                String payload = "committed elsewhere " + i;
                long committed = System.nanoTime();
                writer.appendEvents(new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0, payload));
                assertThat(handled.poll(2500, TimeUnit.MILLISECONDS)).as("handled before the 5 s look").isEqualTo(payload);
                System.out.println("[wake-up] pooled processor handled the event "
                        + Duration.ofNanos(System.nanoTime() - committed).toMillis() + " ms after the append");
                Thread.sleep(700); // idle again: the processor waits for its next look or the announcement
            }
        } finally {
            processor.shutDown();
            listener.stop();
        }
    }

    /**
     * An append in a transaction is announced once that transaction commits, from another connection: the appending
     * connection sends no NOTIFY (PostgreSQL would serialise every notifying commit of the database on one lock held
     * through the disk flush, EventAnnouncer), nothing is heard before the commit, and a rolled-back append is never
     * announced.
     */
    @Test
    void anAppendIsAnnouncedAfterItsTransactionCommitsAndNotFromIt() throws Exception {
        List<String[]> statements = new CopyOnWriteArrayList<>(); // {connection, sql}
        javax.sql.DataSource recording = recordingStatements(dataSource, statements);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(recording);
        SpringTransactionManager axonTransactions = new SpringTransactionManager(transactions);
        NotifyingEventStorageEngine engine = new NotifyingEventStorageEngine(engine(recording)
                .connectionProvider(new SpringDataSourceConnectionProvider(recording))
                .transactionManager(axonTransactions), loginOf(dataSource), "jointops_events");
        BlockingQueue<Set<String>> heard = new LinkedBlockingQueue<>();
        String type = JacksonSerializer.defaultSerializer().typeForClass(UUID.class).getName();
        EventStoreWakeUp listener = new EventStoreWakeUp(dataSource, "jointops_events", () -> Set.of(type), heard::add);
        listener.start();
        try {
            EventAnnouncementIT.settled(heard);
            TransactionTemplate template = new TransactionTemplate(transactions);

            template.executeWithoutResult(status -> {
                engine.appendEvents(new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0,
                        UUID.randomUUID()));
                assertThat(poll(heard, 700)).as("heard before the commit").isNull();
            });
            assertThat(heard.poll(2, TimeUnit.SECONDS)).as("heard after the commit").containsExactly(type);

            String appending = statements.stream().filter(s -> s[1].contains("INSERT INTO eventstore.domain_event_entry"))
                    .map(s -> s[0]).findFirst().orElseThrow();
            assertThat(statements).as("what the appending connection ran")
                    .filteredOn(s -> s[0].equals(appending)).noneMatch(s -> s[1].contains("pg_notify"));
            assertThat(statements).as("the announcement, on another connection")
                    .anyMatch(s -> !s[0].equals(appending) && s[1].contains("pg_notify"));

            template.executeWithoutResult(status -> {
                engine.appendEvents(new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0,
                        UUID.randomUUID()));
                status.setRollbackOnly();
            });
            assertThat(heard.poll(1500, TimeUnit.MILLISECONDS)).as("a rolled-back append heard").isNull();
        } finally {
            listener.stop();
            engine.close();
        }
    }

    /**
     * A commit wakes the appending process's own streams as it commits, not through the database: a store on the
     * appending engine hands the event to its stream with no listener running. That process's listener passes over
     * its own announcements (its store knew already; heard again, every stream would read once more for nothing) and
     * hears another process's.
     */
    @Test
    void aCommitWakesItsOwnProcessAtOnceWhoseListenerPassesOverItsAnnouncement() throws Exception {
        NotifyingEventStorageEngine engine = notifyingEngine();
        WakeableEventStore store = storeOn(engine);
        BlockingQueue<Set<String>> heard = new LinkedBlockingQueue<>();
        EventStoreWakeUp listener = new EventStoreWakeUp(dataSource, "jointops_events", () -> null, heard::add,
                engine::announcingBackend);
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(store.createHeadToken())) {
            assertThat(stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)).as("read to the head, now waiting").isFalse();
            engine.appendEvents(new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0, "woken here"));
            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).as("woken with no listener").isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("woken here");

            listener.start();
            EventAnnouncementIT.settled(heard);
            engine.appendEvents(new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0, "own"));
            assertThat(heard.poll(1500, TimeUnit.MILLISECONDS)).as("its own announcement").isNull();
            append(); // another process's engine
            assertThat(heard.poll(2, TimeUnit.SECONDS)).as("another process's announcement").isNotNull();
        } finally {
            listener.stop();
            engine.close();
            store.shutDown();
        }
    }

    /** An announcement the database refuses is sent again: the other services still hear of the commit. */
    @Test
    void aRefusedAnnouncementIsSentAgain() throws Exception {
        AtomicInteger refused = new AtomicInteger();
        DataSourceConnectionProvider connections = new DataSourceConnectionProvider(dataSource);
        NotifyingEventStorageEngine engine = new NotifyingEventStorageEngine(engine().connectionProvider(() -> {
            if (Thread.currentThread().getName().startsWith("event-announcer") && refused.getAndIncrement() < 2) {
                throw new SQLException("the database is restarting", "57P03");
            }
            return connections.getConnection();
        }), loginOf(dataSource), "jointops_events");
        Semaphore wakes = new Semaphore(0);
        EventStoreWakeUp listener = new EventStoreWakeUp(dataSource, "jointops_events", types -> wakes.release());
        listener.start();
        try {
            Thread.sleep(SETTLED_MS); // listening, registered, and its second look taken
            wakes.drainPermits();
            engine.appendEvents(new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0, "retried"));
            assertThat(wakes.tryAcquire(5, TimeUnit.SECONDS)).as("heard after two refusals").isTrue();
            assertThat(refused.get()).as("announcements tried").isEqualTo(3);
        } finally {
            listener.stop();
            engine.close();
        }
    }

    private static <T> T poll(BlockingQueue<T> queue, long millis) {
        try {
            return queue.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code dataSource} with every statement prepared on its connections recorded as {connection, sql}. */
    static javax.sql.DataSource recordingStatements(javax.sql.DataSource dataSource, List<String[]> statements) {
        return (javax.sql.DataSource) Proxy.newProxyInstance(EventStoreWakeUpIT.class.getClassLoader(),
                new Class<?>[]{javax.sql.DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    String id = Integer.toHexString(System.identityHashCode(connection));
                    return Proxy.newProxyInstance(EventStoreWakeUpIT.class.getClassLoader(),
                            new Class<?>[]{Connection.class}, (p, m, a) -> {
                                if ((m.getName().equals("prepareStatement") || m.getName().equals("prepareCall"))
                                        && a != null && a[0] instanceof String sql) {
                                    statements.add(new String[]{id, sql});
                                }
                                return invoke(connection, m, a);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void append() {
        writer.appendEvents(new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0, "appended elsewhere"));
    }

    /** A pooled processor from the head of {@code source}, its tokens in memory, as a service's but without Spring. */
    static PooledStreamingEventProcessor processor(String name, EventHandlerInvoker invoker,
                                                   StreamableMessageSource<TrackedEventMessage<?>> source) {
        return PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .messageSource(source)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor())
                .workerExecutor(Executors.newScheduledThreadPool(2))
                .initialToken(StreamableMessageSource::createHeadToken)
                .build();
    }

    /** An engine that announces its commits, as a service's, on the test database without transactions. */
    static NotifyingEventStorageEngine notifyingEngine() {
        return new NotifyingEventStorageEngine(engine(), loginOf(dataSource), "jointops_events");
    }

    /** The database and login of {@code dataSource}, for an engine's reads. */
    static HikariConfig loginOf(DriverManagerDataSource dataSource) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dataSource.getUrl());
        config.setUsername(dataSource.getUsername());
        config.setPassword(dataSource.getPassword());
        return config;
    }

    /** A store on {@code engine} whose own polls are too rare to pass for a wake-up. */
    static WakeableEventStore storeOn(NotifyingEventStorageEngine engine) {
        return new WakeableEventStore(EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(FETCH_DELAY_MS));
    }

    static JdbcEventStorageEngine.Builder engine() {
        return engine(dataSource);
    }

    static JdbcEventStorageEngine.Builder engine(javax.sql.DataSource dataSource) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .schema(EventSchema.builder()
                        .eventTable("eventstore.domain_event_entry")
                        .snapshotTable("eventstore.snapshot_event_entry")
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
                        .build());
    }
}

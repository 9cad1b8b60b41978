package io.jointops.platform.axon;

import io.jointops.api.cases.CaseOpenedEvent;
import io.jointops.platform.test.TestDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor's stream carries only the payload types its handlers take: the database filters them, a skipped
 * position is no gap, a position still being written is one (and its event comes once committed), and a burst of
 * other types neither reaches its service, wakes it nor makes it read.
 */
class FilteredEventStreamIT {

    record Wanted(String name) {
    }

    record Other(String name) {
    }

    static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    static final String WANTED = SERIALIZER.typeForClass(Wanted.class).getName();
    static DriverManagerDataSource dataSource;

    @BeforeAll
    static void database() throws SQLException {
        dataSource = TestDatabase.ownDatabase("filtered_stream", true);
    }

    @AfterAll
    static void drop() {
        made.forEach(NotifyingEventStorageEngine::close);
        dataSource = null;
    }

    @Test
    void aFilteredReadSkipsOtherTypesWithoutLeavingGaps() {
        CountingEngine engine = engine();
        TrackingToken start = engine.createHeadToken();
        append(engine, new Other("o1"), new Other("o2"), new Wanted("w1"), new Other("o3"));

        StoreEventStream.Batch batch = engine.readBatchAfter(start, Set.of(WANTED), 1);

        GapAwareTrackingToken scanned = (GapAwareTrackingToken) batch.scannedTo();
        assertThat(batch.events()).extracting(e -> (Object) e.getPayload()).as("and a stand-in for the skipped o3")
                .containsExactly(new Wanted("w1"), new NotifyingEventStorageEngine.PassedOver(scanned.getIndex()));
        assertThat(batch.events().get(1).trackingToken()).as("which moves the processor's token past o3")
                .isEqualTo(scanned);
        GapAwareTrackingToken delivered = (GapAwareTrackingToken) batch.events().get(0).trackingToken();
        assertThat(delivered.getGaps()).as("skipped positions are no gaps").isEmpty();
        assertThat(delivered.getIndex()).isEqualTo(index(start) + 3);
        assertThat(scanned.getIndex()).as("the next read starts after the skipped o3").isEqualTo(index(start) + 4);
        assertThat(scanned.getGaps()).isEmpty();
        assertThat(engine.readBatchAfter(scanned, Set.of(WANTED), 1).events()).isEmpty();
    }

    @Test
    void aPositionStillBeingWrittenIsAGapAndItsEventComesOnceCommitted() throws Exception {
        CountingEngine engine = engine();
        TrackingToken start = engine.createHeadToken();
        try (Connection writing = dataSource.getConnection()) {
            writing.setAutoCommit(false);
            insertWanted(writing, "late"); // takes the next position, not committed yet
            append(engine, new Other("o"), new Wanted("early"));

            StoreEventStream.Batch first = engine.readBatchAfter(start, Set.of(WANTED), 1);
            assertThat(first.events()).extracting(e -> (Object) e.getPayload()).containsExactly(new Wanted("early"));
            assertThat(first.events().get(0).trackingToken()).isEqualTo(first.scannedTo());
            GapAwareTrackingToken scanned = (GapAwareTrackingToken) first.scannedTo();
            assertThat(scanned.getGaps()).as("the uncommitted position").containsExactly(index(start) + 1);

            writing.commit();
            StoreEventStream.Batch second = engine.readBatchAfter(scanned, Set.of(WANTED), 1);
            assertThat(second.events()).extracting(e -> (Object) e.getPayload()).containsExactly(new Wanted("late"));
            assertThat(((GapAwareTrackingToken) second.scannedTo()).getGaps()).isEmpty();
        }
    }

    /**
     * Where every position after the token is committed, a read passes over up to its reach of batches (counting the
     * positions, not reading them) and fetches only the wanted events; a batch of 1,000 positions is what a read of
     * the rows could pass over. It stops short of the store's last batch, where positions may still be being written.
     */
    @Test
    void aRunOfCommittedPositionsOfOtherTypesIsPassedOverInOneRead() {
        CountingEngine engine = engine();
        TrackingToken start = engine.createHeadToken();
        for (int t = 0; t < 5; t++) {
            append(engine, IntStream.range(0, 1000).mapToObj(i -> new Other("run")).toArray());
        }
        append(engine, new Wanted("in the run"));
        for (int t = 0; t < 2; t++) {
            append(engine, IntStream.range(0, 1000).mapToObj(i -> new Other("run")).toArray());
        }
        append(engine, new Wanted("after the run"), new Other("last"));

        StoreEventStream.Batch oneBatch = engine.readBatchAfter(start, Set.of(WANTED), 1);
        assertThat(oneBatch.events()).extracting(e -> (Object) e.getPayload())
                .containsExactly(new NotifyingEventStorageEngine.PassedOver(index(start) + 1000));
        assertThat(oneBatch.mayHaveMore()).isTrue();

        StoreEventStream.Batch far = engine.readBatchAfter(start, Set.of(WANTED), 8);
        GapAwareTrackingToken scanned = (GapAwareTrackingToken) far.scannedTo();
        assertThat(far.events()).extracting(e -> (Object) e.getPayload()).containsExactly(new Wanted("in the run"),
                new NotifyingEventStorageEngine.PassedOver(index(start) + 6003));
        assertThat(((GapAwareTrackingToken) far.events().get(0).trackingToken()).getIndex())
                .isEqualTo(index(start) + 5001);
        assertThat(scanned.getIndex()).as("up to the store's last batch").isEqualTo(index(start) + 7003 - 1000);
        assertThat(scanned.getGaps()).isEmpty();
        assertThat(far.mayHaveMore()).isTrue();

        StoreEventStream.Batch last = engine.readBatchAfter(scanned, Set.of(WANTED), 16);
        assertThat(last.events()).extracting(e -> (Object) e.getPayload()).as("the last batch, read row by row")
                .containsExactly(new Wanted("after the run"), new NotifyingEventStorageEngine.PassedOver(index(start) + 7003));
        assertThat(last.mayHaveMore()).isFalse();
    }

    /** However far a read reaches, it delivers a batch of wanted events at most, and the next read goes on after it. */
    @Test
    void aFarReadDeliversABatchOfWantedEventsAtMost() {
        CountingEngine engine = engine();
        TrackingToken start = engine.createHeadToken();
        append(engine, IntStream.range(0, 3000).mapToObj(i -> new Wanted("w" + i)).toArray());

        StoreEventStream.Batch first = engine.readBatchAfter(start, Set.of(WANTED), 4);
        assertThat(first.events()).hasSize(1000);
        assertThat(first.events().get(999).getPayload()).isEqualTo(new Wanted("w999"));
        assertThat(first.scannedTo()).isEqualTo(first.events().get(999).trackingToken());
        assertThat(first.mayHaveMore()).isTrue();

        StoreEventStream.Batch second = engine.readBatchAfter(first.scannedTo(), Set.of(WANTED), 4);
        assertThat(second.events()).hasSize(1000);
        assertThat(second.events().get(0).getPayload()).isEqualTo(new Wanted("w1000"));

        StoreEventStream.Batch third = engine.readBatchAfter(second.scannedTo(), Set.of(WANTED), 4);
        assertThat(third.events()).hasSize(1000);
        assertThat(third.events().get(999).getPayload()).isEqualTo(new Wanted("w2999"));
        assertThat(third.mayHaveMore()).isFalse();
    }

    /**
     * A read is one statement on a connection of the reads' own pool, in autocommit, planned once for its connection:
     * nothing on the service's connections (where it took a transaction, a setting scoped to it and a commit), and
     * PostgreSQL's own choice, planning it anew for every read, is not taken (docs/performance.md).
     */
    @Test
    void aReadIsOneStatementOutsideTheServicesConnectionsPlannedOnceForItsOwn() throws SQLException {
        List<String[]> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
        javax.sql.DataSource recording = EventStoreWakeUpIT.recordingStatements(dataSource, statements);
        NotifyingEventStorageEngine engine = new NotifyingEventStorageEngine(EventStoreWakeUpIT.engine(recording)
                .batchSize(1000), EventStoreWakeUpIT.loginOf(dataSource), "jointops_events");
        made.add(engine);
        TrackingToken start = engine.createHeadToken();
        append(engine, new Wanted("planned once"));
        statements.clear();

        for (int read = 0; read < 8; read++) {
            assertThat(engine.readBatchAfter(start, Set.of(WANTED), 1).events())
                    .extracting(e -> (Object) e.getPayload()).containsExactly(new Wanted("planned once"));
        }

        assertThat(statements).as("reads on the service's connections (its announcement goes out there)")
                .noneMatch(s -> s[1].contains("FROM eventstore.domain_event_entry"));
        try (Connection own = engine.readConnection()) { // one reader at a time: the one connection it read on
            assertThat(own.getAutoCommit()).isTrue();
            Map<String, Object> plans = new JdbcTemplate(new SingleConnectionDataSource(own, true)).queryForMap("""
                    SELECT count(*) AS statements, sum(generic_plans) AS generic, sum(custom_plans) AS custom
                      FROM pg_prepared_statements WHERE statement LIKE 'WITH span%'""");
            assertThat(((Number) plans.get("statements")).longValue()).as("the read, prepared").isEqualTo(1);
            assertThat(((Number) plans.get("generic")).longValue()).as("reads run with the plan made once").isPositive();
            assertThat(((Number) plans.get("custom")).longValue()).as("reads planned anew").isZero();
        }
    }

    /**
     * A position still being written deep in a read's reach (not in the store's last batch) stops the count: the read
     * falls back to reading the rows, keeps the position as a gap, and delivers its event once it is committed.
     */
    @Test
    void aPositionBeingWrittenStopsAFarReadFromPassingOverIt() throws Exception {
        CountingEngine engine = engine();
        TrackingToken start = engine.createHeadToken();
        try (Connection writing = dataSource.getConnection()) {
            writing.setAutoCommit(false);
            insertWanted(writing, "late"); // takes the next position, not committed yet
            for (int t = 0; t < 3; t++) {
                append(engine, IntStream.range(0, 1000).mapToObj(i -> new Other("after it")).toArray());
            }

            StoreEventStream.Batch first = engine.readBatchAfter(start, Set.of(WANTED), 8);
            GapAwareTrackingToken scanned = (GapAwareTrackingToken) first.scannedTo();
            assertThat(scanned.getGaps()).as("the position being written, kept to look at again")
                    .containsExactly(index(start) + 1);
            assertThat(scanned.getIndex()).as("one batch of rows and the first position after it, not the count's reach")
                    .isEqualTo(index(start) + 1001);

            writing.commit();
            StoreEventStream.Batch second = engine.readBatchAfter(scanned, Set.of(WANTED), 8);
            assertThat(second.events()).extracting(e -> (Object) e.getPayload()).contains(new Wanted("late"));
        }
    }

    /**
     * The property the design rests on: 2,000 events of a type a processor does not handle, committed in 20
     * transactions, reach neither its service (no notification), nor it, nor its stream (no read at all); its own event afterwards is handled at once, by a
     * few reads that pass over the 2,000 positions without fetching their payloads.
     */
    @Test
    void aBurstOfOtherTypesCostsAProcessorThatDoesNotHandleThemNoRead() throws Exception {
        CountingEngine engine = engine();
        WakeableEventStore store = new WakeableEventStore(EmbeddedEventStore.builder().storageEngine(engine));
        AtomicInteger heard = new AtomicInteger();
        EventStoreWakeUp listener = new EventStoreWakeUp(dataSource, "jointops_events", store::payloadTypesHeard,
                types -> {
                    heard.incrementAndGet();
                    store.wake(types);
                });
        BlockingQueue<Wanted> handled = new LinkedBlockingQueue<>();
        Object handler = new Object() {
            @EventHandler
            void on(Wanted wanted) {
                handled.add(wanted);
            }
        };
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(handler);
        SimpleEventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder().eventHandlers(adapter).build();
        assertThat(HandledPayloadTypes.of(invoker, List.of(handler), SERIALIZER)).as("types found by Axon's handler resolution")
                .isEmpty(); // Wanted is no event of the platform's contracts; the platform's own are checked below
        PooledStreamingEventProcessor processor = EventStoreWakeUpIT.processor("filtered-test", invoker,
                store.source(() -> Set.of(WANTED)));
        listener.start();
        processor.start();
        try {
            // segments claimed, streams open and read once, LISTEN in place, and the listener's second look taken
            Thread.sleep(2000 + EventStoreWakeUpIT.SETTLED_MS);
            assertThat(store.payloadTypesHeard()).as("what the service listens for").containsExactly(WANTED);
            int readsBefore = engine.filteredReads.get();
            int heardBefore = heard.get();
            for (int t = 0; t < 20; t++) {
                append(engine, IntStream.range(0, 100).mapToObj(i -> new Other("burst")).toArray());
            }
            Thread.sleep(1500);
            assertThat(engine.filteredReads.get() - readsBefore).as("reads caused by 2,000 events of another type")
                    .isZero();
            assertThat(heard.get() - heardBefore).as("notifications the service received of the 20 commits").isZero();

            append(engine, new Wanted("after the burst"));
            assertThat(handled.poll(2500, TimeUnit.MILLISECONDS)).isEqualTo(new Wanted("after the burst"));
            System.out.println("[filtered] reads after the burst: " + (engine.filteredReads.get() - readsBefore));
            assertThat(engine.filteredReads.get() - readsBefore).as("reads to pass 2,001 positions, batches of 1,000")
                    .isBetween(1, 4);
        } finally {
            processor.shutDown();
            listener.stop();
        }
    }

    @Test
    void theTypesOfAProcessorAreThoseItsHandlersTake() {
        Object caseView = new Object() {
            @EventHandler
            void on(CaseOpenedEvent event) {
            }
        };
        Object everything = new Object() {
            @EventHandler
            void on(Object event) {
            }
        };
        FoldedEverything folded = new FoldedEverything();
        assertThat(HandledPayloadTypes.of(invoker(caseView), List.of(caseView), SERIALIZER))
                .containsExactly(CaseOpenedEvent.class.getName());
        assertThat(HandledPayloadTypes.of(invoker(everything), List.of(everything), SERIALIZER)).as("all: no filter")
                .isNull();
        assertThat(HandledPayloadTypes.of(invoker(folded), List.of(folded), SERIALIZER)).as("a view naming its fold's")
                .containsExactly(CaseOpenedEvent.class.getName());
        assertThat(HandledPayloadTypes.of(invoker(folded), List.of(folded, everything), SERIALIZER))
                .as("unless another handler of the processor takes all").isNull();
        assertThat(HandledPayloadTypes.of(new org.axonframework.eventhandling.MultiEventHandlerInvoker(
                invoker(caseView), invoker(folded)), List.of(caseView, folded), SERIALIZER))
                .as("as Axon's configuration wraps them").containsExactly(CaseOpenedEvent.class.getName());
        assertThat(HandledPayloadTypes.EVENTS).as("the contracts' events").hasSizeGreaterThan(50)
                .contains(CaseOpenedEvent.class);
    }

    private static SimpleEventHandlerInvoker invoker(Object handler) {
        return SimpleEventHandlerInvoker.builder().eventHandlers(new AnnotationEventHandlerAdapter(handler)).build();
    }

    @Test
    void aSagasProcessorReadsItsSagaEventHandlersTypes() {
        var sagas = org.axonframework.modelling.saga.AnnotatedSagaManager.<CaseSaga>builder()
                .sagaType(CaseSaga.class)
                .sagaRepository(org.axonframework.modelling.saga.repository.AnnotatedSagaRepository.<CaseSaga>builder()
                        .sagaType(CaseSaga.class)
                        .sagaStore(new org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore())
                        .build())
                .build();
        assertThat(HandledPayloadTypes.of(new org.axonframework.eventhandling.MultiEventHandlerInvoker(sagas),
                List.of(), SERIALIZER)).containsExactly(CaseOpenedEvent.class.getName());
    }

    public static class CaseSaga {
        @org.axonframework.modelling.saga.StartSaga
        @org.axonframework.modelling.saga.SagaEventHandler(associationProperty = "caseId")
        void on(CaseOpenedEvent event) {
        }
    }

    static final class FoldedEverything implements io.jointops.platform.query.FoldedView {
        @EventHandler
        void on(Object event) {
        }

        @Override
        public Set<Class<?>> foldedEvents() {
            return Set.of(CaseOpenedEvent.class);
        }
    }

    private static long index(TrackingToken token) {
        return token == null ? 0 : ((GapAwareTrackingToken) token).getIndex();
    }

    private static void append(NotifyingEventStorageEngine engine, Object... payloads) {
        engine.appendEvents(List.of(payloads).stream()
                .map(p -> new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0, p))
                .toList());
    }

    private static void insertWanted(Connection connection, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, 0, 'Test', ?, ?, NULL, ?, ?)""")) {
            String id = UUID.randomUUID().toString();
            insert.setString(1, id);
            insert.setString(2, id + "-aggregate");
            insert.setString(3, Instant.now().toString());
            insert.setString(4, WANTED);
            insert.setBytes(5, ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8));
            insert.setBytes(6, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    /** Engines made by the tests, closed after them (each has a pool for its reads). */
    private static final List<NotifyingEventStorageEngine> made = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static CountingEngine engine() {
        CountingEngine engine = new CountingEngine();
        made.add(engine);
        return engine;
    }

    /** The real engine, counting its filtered reads. */
    static final class CountingEngine extends NotifyingEventStorageEngine {
        final AtomicInteger filteredReads = new AtomicInteger();

        CountingEngine() {
            super(EventStoreWakeUpIT.engine(dataSource).batchSize(1000), EventStoreWakeUpIT.loginOf(dataSource),
                    "jointops_events");
        }

        @Override
        StoreEventStream.Batch readBatchAfter(TrackingToken token, Set<String> payloadTypes, int reach) {
            filteredReads.incrementAndGet();
            return super.readBatchAfter(token, payloadTypes, reach);
        }
    }
}

package io.jointops.platform.axon;

import io.jointops.platform.replay.ReplayProgress;
import io.jointops.platform.replay.ViewRebuildingException;
import io.jointops.platform.replay.ViewReplays;
import io.jointops.platform.test.TestDatabase;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two replicas of a service, each an Axon configuration with the platform's token store, segment share and replica
 * signals, over one real PostgreSQL: each holds its share of a processor's four segments, the one left takes them all
 * back, and a view is rebuilt from either replica while the other holds its share. A replica is known by its listener
 * on the replica channel, registered here by a connection of its own as {@link EventStoreWakeUp} registers it.
 * Claims are searched every 200 ms, as a service does every 5 s; another node's changes would be seen only after 60 s
 * without the replicas' signals, as in a service.
 */
class SegmentShareIT {

    static final String CHANNEL = EventStoreWakeUp.replicaChannel("jointops_events", "share-test");
    static final String VIEW = "share-test-view";
    static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    static DriverManagerDataSource dataSource;
    static JdbcClient jdbc;

    final InMemoryEventStorageEngine events = new InMemoryEventStorageEngine();
    final List<Replica> started = new ArrayList<>();

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.ownDatabase("segment_share", true);
        Flyway.configure().dataSource(dataSource).schemas("public").locations("classpath:db/processing").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterEach
    void stop() {
        started.forEach(Replica::stop);
        jdbc.sql("DELETE FROM token_entry").update();
    }

    @Test
    void eachReplicaHoldsItsShareAndTheOneLeftTakesEveryPartBack() throws Exception {
        Replica a = replica("a");
        eventually("the only replica holds every segment", () -> a.held() == 4);

        Replica b = replica("b");
        a.hears(b);
        eventually("each of two replicas holds two segments", () -> a.held() == 2 && b.held() == 2);

        b.stop(); // its processor lets go of its segments first, then its listener's connection closes
        eventually("the replica left holds every segment again", () -> a.held() == 4);
        assertThat(jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name = :p AND owner = 'node-a'")
                .param("p", VIEW).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void aViewIsRebuiltFromOneReplicaWhileTheOtherHeldAShareOfIt() throws Exception {
        Replica a = replica("a");
        Replica b = replica("b");
        a.hears(b);
        for (int i = 0; i < 20; i++) {
            a.configuration.eventBus().publish(GenericEventMessage.asEventMessage("event " + i));
        }
        eventually("balanced, every event handled once", () -> a.held() == 2 && b.held() == 2
                && a.view.handled.get() + b.view.handled.get() == 20);

        b.replays.startAll("test"); // as after an erasure; the replica that starts it may hold only a part
        eventually("rebuilt by the replica asked", () -> ReplayProgress.DONE.equals(b.replays.progress(VIEW).state()));
        java.time.Instant rebuilt = java.time.Instant.now();
        assertThat(b.view.resets.get()).as("the view's tables emptied once, by the replica that rebuilt it").isEqualTo(1);
        assertThat(b.view.handledSinceReset.get()).as("every event handed to the rebuilt view").isEqualTo(20);

        eventually("each takes its share again", () -> a.held() == 2 && b.held() == 2);
        assertThat(java.time.Duration.between(rebuilt, java.time.Instant.now())).as("soon after the rebuild, not after"
                + " the other's hold-off or a count's look for parts nobody holds").isLessThan(Duration.ofSeconds(5));
        a.configuration.eventBus().publish(GenericEventMessage.asEventMessage("after the rebuild"));
        eventually("and handles what comes", () -> a.view.handled.get() + b.view.handled.get() == 20 + 20 + 1);
    }

    @Test
    void aRebuildTheOtherReplicaDoesNotMakeRoomForIsRefusedWithRetryAfterAndChangesNothing() throws Exception {
        Replica a = replica("a");
        Replica b = replica("b");
        // the replicas hear each other, but b never hears a's request to let go
        a.signals.sendWith(topic -> {
            if (!topic.startsWith("replay-")) {
                b.signals.received(topic);
            }
        });
        b.signals.sendWith(a.signals::received);
        eventually("balanced", () -> a.held() == 2 && b.held() == 2);

        assertThatThrownBy(() -> a.replays.start(VIEW, "test"))
                .isInstanceOfSatisfying(ViewRebuildingException.class, refused -> assertThat(refused.retryAfterSeconds())
                        .as("answered 503 with Retry-After: 5").isEqualTo(5))
                .hasMessageContaining("another replica");
        assertThat(a.view.resets.get()).as("nothing reset").isZero();
        assertThat(a.replays.progress(VIEW).state()).isEqualTo(ReplayProgress.IDLE);
        eventually("a processes its share again", () -> a.held() == 2 && b.held() == 2);
    }

    @Test
    void theShareIsTheSegmentsOverTheServicesOwnListenersRoundedUpAndAnUnclaimedSegmentIsNotLeftForLong()
            throws Exception {
        jdbc.sql("INSERT INTO token_entry (processor_name, segment, owner, timestamp) VALUES"
                + " ('eight', 0, 'x', 't'), ('eight', 1, 'x', 't'), ('eight', 2, 'x', 't'), ('eight', 3, 'x', 't'),"
                + " ('eight', 4, 'y', 't'), ('eight', 5, 'y', 't'), ('eight', 6, 'y', 't'), ('eight', 7, 'y', 't'),"
                + " ('one', 0, 'x', 't')").update();
        SharedClaimTokenStoreIT.MutableClock clock = new SharedClaimTokenStoreIT.MutableClock(java.time.Instant.now());
        SegmentShare share = new SegmentShare(jdbc, SharedClaimTokenStoreIT.schema(), CHANNEL, Duration.ofSeconds(15),
                clock);
        // the other tests' listeners leave pg_stat_activity a moment after their connections close
        eventually("no replica listening yet", () -> {
            share.lookAgain();
            return share.getMaxSegments("eight") == SegmentShare.EVERY_SEGMENT;
        });

        try (Connection first = listening(dataSource); Connection second = listening(dataSource);
             Connection third = listening(dataSource)) {
            // another login registers on the service's replica channel: it is no replica of the service
            jdbc.sql("DROP ROLE IF EXISTS share_intruder").update();
            jdbc.sql("CREATE ROLE share_intruder LOGIN PASSWORD 'intruder'").update();
            jdbc.sql("GRANT USAGE ON SCHEMA eventstore TO share_intruder").update();
            jdbc.sql("GRANT SELECT, INSERT ON " + EventStoreWakeUp.REGISTRY + " TO share_intruder").update();
            // without the URL's parameters, which name the test's own user
            DriverManagerDataSource intruder = new DriverManagerDataSource(dataSource.getUrl().replaceFirst("\\?.*$", ""),
                    "share_intruder", "intruder");
            try (Connection fourth = listening(intruder); Connection fifth = listening(intruder)) {
                clock.now = clock.now.plusSeconds(16);
                assertThat(share.getMaxSegments("eight")).as("8 segments over 3 replicas, rounded up").isEqualTo(3);
                assertThat(share.getMaxSegments("one")).isEqualTo(1);
                assertThat(share.getMaxSegments("unknown")).isEqualTo(SegmentShare.EVERY_SEGMENT);

                share.holdOff("eight", Duration.ofSeconds(20));
                assertThat(share.getMaxSegments("eight")).as("held off for another replica's rebuild").isZero();
                clock.now = clock.now.plusSeconds(21);
                assertThat(share.getMaxSegments("eight")).isEqualTo(3);

                // a released segment whose signal was lost: nobody claims it
                jdbc.sql("UPDATE token_entry SET owner = NULL, timestamp = :now WHERE processor_name = 'eight'"
                        + " AND segment = 7").param("now", DateTimeUtils.formatInstant(clock.now)).update();
                clock.now = clock.now.plusSeconds(14);
                share.lookAgain();
                assertThat(share.getMaxSegments("eight")).as("released 14 s ago: still the share").isEqualTo(3);
                clock.now = clock.now.plusSeconds(2);
                share.lookAgain();
                assertThat(share.getMaxSegments("eight")).as("released 16 s ago: may be claimed beyond the share")
                        .isEqualTo(SegmentShare.EVERY_SEGMENT);
                jdbc.sql("UPDATE token_entry SET owner = 'x' WHERE processor_name = 'eight' AND segment = 7").update();
                share.lookAgain();
                assertThat(share.getMaxSegments("eight")).as("claimed, but beyond the share for ten counts or until the replicas change")
                        .isEqualTo(SegmentShare.EVERY_SEGMENT);
                assertThat(share.getMaxSegments("one")).as("another processor: its share").isEqualTo(1);
            }
            third.close(); // its backend leaves pg_stat_activity a moment later
            eventually("a replica gone: 8 segments over 2, nothing beyond the share", () -> {
                share.lookAgain();
                return share.getMaxSegments("eight") == 4;
            });
        }
        clock.now = clock.now.plusSeconds(16);
        assertThat(share.getMaxSegments("eight")).as("the replicas gone").isEqualTo(SegmentShare.EVERY_SEGMENT);
    }

    /** A connection registered on the replica channel, as a replica's listener is. */
    private static Connection listening(DriverManagerDataSource login) throws SQLException {
        Connection listener = login.getConnection();
        try (PreparedStatement register = listener.prepareStatement(
                "INSERT INTO " + EventStoreWakeUp.REGISTRY + " (backend_pid, channel) VALUES (pg_backend_pid(), ?)")) {
            register.setString(1, CHANNEL);
            register.executeUpdate();
        }
        return listener;
    }

    private Replica replica(String name) throws SQLException {
        Replica replica = new Replica(name, events);
        started.add(replica);
        return replica;
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    @ProcessingGroup(VIEW)
    static final class CountingView {
        final AtomicInteger handled = new AtomicInteger();
        final AtomicInteger handledSinceReset = new AtomicInteger();
        final AtomicInteger resets = new AtomicInteger();

        @EventHandler
        void on(String event) {
            handled.incrementAndGet();
            handledSinceReset.incrementAndGet();
        }

        @ResetHandler
        void reset() {
            resets.incrementAndGet();
            handledSinceReset.set(0);
        }
    }

    /** A replica: its listener's registration, token store, share, signals, processor and view replays. */
    static final class Replica {
        final Connection listener;
        final ReplicaSignals signals = new ReplicaSignals();
        final CountingView view = new CountingView();
        final Configuration configuration;
        final ViewReplays replays;
        private boolean stopped;

        Replica(String name, InMemoryEventStorageEngine events) throws SQLException {
            listener = listening(dataSource);
            SharedClaimTokenStore tokens = new SharedClaimTokenStore(JdbcTokenStore.builder()
                    .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                    .schema(SharedClaimTokenStoreIT.schema())
                    .serializer(SERIALIZER)
                    .claimTimeout(Duration.ofSeconds(30)),
                    jdbc, SharedClaimTokenStoreIT.schema(), "node-" + name, Duration.ofSeconds(10),
                    Duration.ofSeconds(60), Clock.systemUTC());
            SegmentShare share = new SegmentShare(jdbc, SharedClaimTokenStoreIT.schema(), CHANNEL,
                    Duration.ofSeconds(1), Clock.systemUTC());
            share.coordinate(tokens, signals, Duration.ofSeconds(30)); // as EventStoreConfiguration has them
            configuration = DefaultConfigurer.defaultConfiguration()
                    .configureSerializer(c -> SERIALIZER)
                    // claims are taken in transactions, as in a service: without one two replicas could take a segment
                    .configureTransactionManager(c -> new SpringTransactionManager(
                            new DataSourceTransactionManager(dataSource)))
                    .configureEmbeddedEventStore(c -> events)
                    .eventProcessing(processing -> processing
                            .usingPooledStreamingEventProcessors((c, builder) -> builder
                                    .initialSegmentCount(4).batchSize(100)
                                    .tokenClaimInterval(200).claimExtensionThreshold(1000)
                                    .maxSegmentProvider(share))
                            .registerTokenStore(c -> tokens)
                            .registerEventHandler(c -> view))
                    .buildConfiguration();
            replays = new ViewReplays(configuration, jdbc, null, Set.of(VIEW), Duration.ofSeconds(1), 5,
                    Clock.systemUTC(), signals, share, Duration.ofSeconds(30));
            configuration.start();
        }

        /** The two replicas hear each other's signals, as each one's listener hears the replica channel. */
        void hears(Replica other) {
            signals.sendWith(other.signals::received);
            other.signals.sendWith(signals::received);
        }

        int held() {
            return stopped ? 0 : processor().processingStatus().size();
        }

        StreamingEventProcessor processor() {
            return configuration.eventProcessingConfiguration()
                    .eventProcessor(VIEW, StreamingEventProcessor.class).orElseThrow();
        }

        void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            replays.close();
            configuration.shutdown();
            try {
                listener.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

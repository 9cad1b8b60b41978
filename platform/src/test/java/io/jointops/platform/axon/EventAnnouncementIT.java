package io.jointops.platform.axon;

import io.jointops.platform.test.TestDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An announcement goes out only on the channels another process listens on ({@link EventStoreWakeUp#REGISTRY}): a
 * commit that no other process reads sends nothing, this process's own listener is no reason to send, and a listener
 * that is gone is not sent to; the items a process's processors committed are told to the service's other replicas only
 * while one listens. What is sent is observed by an eavesdropping connection that listens without registering.
 * Its own database: the other wake-up tests leave a listener of every channel behind.
 */
class EventAnnouncementIT {

    static final String CHANNEL = "jointops_events";
    static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    static final String STRING = SERIALIZER.typeForClass(String.class).getName();
    static final String LONG = SERIALIZER.typeForClass(Long.class).getName();
    static DriverManagerDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.ownDatabase("event_announcement", true);
    }

    @Test
    void aCommitNoOtherProcessReadsIsNotAnnouncedAndOneItReadsIsOnItsChannelOnly() throws Exception {
        NotifyingEventStorageEngine engine = engine();
        BlockingQueue<Set<String>> heard = new LinkedBlockingQueue<>();
        EventStoreWakeUp readsStrings = new EventStoreWakeUp(dataSource, CHANNEL, () -> Set.of(STRING), heard::add);
        readsStrings.start();
        try (Eavesdropper sent = new Eavesdropper(CHANNEL, channelOf(LONG), channelOf(STRING))) {
            settled(heard);
            engine.appendEvents(event(42L));
            assertThat(sent.heard(1500)).as("sent for a commit no other process reads").isEmpty();

            engine.appendEvents(event("read elsewhere"));
            assertThat(heard.poll(2, TimeUnit.SECONDS)).containsExactly(STRING);
            assertThat(sent.heard(1000)).as("sent: the channel listened on, not the base channel")
                    .extracting(PGNotification::getName).containsExactly(channelOf(STRING));
        } finally {
            readsStrings.stop();
            engine.close();
        }
    }

    @Test
    void aCommitNoOtherProcessReadsDoesNotWakeTheAnnouncerWhileItsReadOfTheRegistryIsFresh() throws Exception {
        NotifyingEventStorageEngine engine = engine();
        BlockingQueue<Set<String>> heard = new LinkedBlockingQueue<>();
        EventStoreWakeUp readsStrings = new EventStoreWakeUp(dataSource, CHANNEL, () -> Set.of(STRING), heard::add);
        readsStrings.start();
        try {
            settled(heard);
            engine.appendEvents(event("read elsewhere")); // the announcer reads the registry for it
            assertThat(heard.poll(2, TimeUnit.SECONDS)).containsExactly(STRING);
            long woken = engine.announcerWakeUps();

            engine.appendEvents(event(1L), event(2L));
            engine.appendEvents(event(3L));
            assertThat(engine.announcerWakeUps()).as("woken for commits nobody else reads").isEqualTo(woken);

            Thread.sleep(EventAnnouncer.REGISTRY_MAX_AGE.toMillis() + 200);
            engine.appendEvents(event(4L));
            assertThat(engine.announcerWakeUps()).as("woken to read the registry again once it is old")
                    .isEqualTo(woken + 1);
            engine.appendEvents(event("read elsewhere again"));
            assertThat(heard.poll(2, TimeUnit.SECONDS)).as("still told what it reads").containsExactly(STRING);
        } finally {
            readsStrings.stop();
            engine.close();
        }
    }

    @Test
    void thisProcessesOwnListenerIsNoReasonToAnnounceAnotherProcessesIs() throws Exception {
        NotifyingEventStorageEngine engine = engine();
        BlockingQueue<Set<String>> own = new LinkedBlockingQueue<>();
        EventStoreWakeUp ownListener = new EventStoreWakeUp(dataSource, CHANNEL, () -> null, own::add,
                engine::announcingBackend);
        engine.ownListener(ownListener::backend);
        ownListener.start();
        try (Eavesdropper sent = new Eavesdropper(CHANNEL)) {
            settled(own);
            engine.appendEvents(event("read here only"));
            assertThat(sent.heard(1500)).as("sent for this process's own listener of every channel").isEmpty();

            BlockingQueue<Set<String>> other = new LinkedBlockingQueue<>();
            EventStoreWakeUp otherProcess = new EventStoreWakeUp(dataSource, CHANNEL, other::add);
            otherProcess.start();
            try {
                settled(other);
                engine.appendEvents(event("read elsewhere too"));
                assertThat(other.poll(2, TimeUnit.SECONDS)).as("heard by the other process").containsExactly(STRING);
                assertThat(sent.heard(1000)).extracting(PGNotification::getName).containsExactly(CHANNEL);
            } finally {
                otherProcess.stop();
            }
        } finally {
            ownListener.stop();
            engine.close();
        }
    }

    @Test
    void aListenerThatIsGoneIsNoLongerAnnouncedTo() throws Exception {
        NotifyingEventStorageEngine engine = engine();
        BlockingQueue<Set<String>> heard = new LinkedBlockingQueue<>();
        EventStoreWakeUp readsLongs = new EventStoreWakeUp(dataSource, CHANNEL, () -> Set.of(LONG), heard::add);
        readsLongs.start();
        try (Eavesdropper sent = new Eavesdropper(channelOf(LONG))) {
            settled(heard);
            engine.appendEvents(event(1L));
            assertThat(heard.poll(2, TimeUnit.SECONDS)).containsExactly(LONG);
            assertThat(sent.heard(1000)).hasSize(1);

            readsLongs.stop();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (readsLongs.backend() != -1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(readsLongs.backend()).as("the listener's connection").isEqualTo(-1);
            // its backend has exited, and the announcer's last read of the registry is older than its maximum age
            Thread.sleep(EventAnnouncer.REGISTRY_MAX_AGE.toMillis() + 500);
            engine.appendEvents(event(2L));
            assertThat(sent.heard(1500)).as("sent to a listener that is gone").isEmpty();
        } finally {
            readsLongs.stop();
            engine.close();
        }
    }

    @Test
    void theItemsProcessedAndSignalsHereAreToldToTheServicesOtherReplicasOnlyWhileOneListens() throws Exception {
        NotifyingEventStorageEngine engine = engine();
        String replicas = EventStoreWakeUp.replicaChannel(CHANNEL, "case-service");
        engine.tellReplicasOn(replicas);
        BlockingQueue<Set<String>> woken = new LinkedBlockingQueue<>();
        BlockingQueue<String> toldHere = new LinkedBlockingQueue<>();
        EventStoreWakeUp thisReplica = new EventStoreWakeUp(dataSource, CHANNEL, () -> null, woken::add,
                engine::announcingBackend);
        thisReplica.hearReplicas(replicas, (item, sequence) -> toldHere.add(item + "@" + sequence),
                topic -> toldHere.add("*" + topic));
        engine.ownListener(thisReplica::backend);
        thisReplica.start();
        try (Eavesdropper sent = new Eavesdropper(replicas)) {
            settled(woken);
            engine.itemProcessed("case-1", 3);
            engine.replicaSignal("partner-feed");
            assertThat(sent.heard(1500)).as("sent with no other replica listening").isEmpty();

            BlockingQueue<Set<String>> wokenThere = new LinkedBlockingQueue<>();
            BlockingQueue<String> toldThere = new LinkedBlockingQueue<>();
            EventStoreWakeUp otherReplica = new EventStoreWakeUp(dataSource, CHANNEL, () -> null, wokenThere::add);
            otherReplica.hearReplicas(replicas, (item, sequence) -> toldThere.add(item + "@" + sequence),
                    topic -> toldThere.add("*" + topic));
            otherReplica.start();
            try {
                settled(wokenThere); // by then the announcer's read of the registry is over a second old
                engine.itemProcessed("case-2", 5);
                assertThat(toldThere.poll(2, TimeUnit.SECONDS)).as("told to the other replica").isEqualTo("case-2@5");
                assertThat(sent.heard(1000)).extracting(PGNotification::getName).containsExactly(replicas);
                engine.replicaSignal("partner-feed");
                assertThat(toldThere.poll(2, TimeUnit.SECONDS)).as("signalled to the other replica")
                        .isEqualTo("*partner-feed");
                assertThat(toldThere).as("what was processed while no one listened").isEmpty();
                assertThat(wokenThere).as("streams woken by a processed item").isEmpty();
                assertThat(toldHere).as("told back to the replica that processed it").isEmpty();
                assertThat(woken).isEmpty();
            } finally {
                otherReplica.stop();
            }
        } finally {
            thisReplica.stop();
            engine.close();
        }
    }

    @Test
    void aForgedNotificationOnTheReplicaChannelIsWorthNoMoreThanALookAtWhatItNames() throws Exception {
        String replicas = EventStoreWakeUp.replicaChannel(CHANNEL, "intel-service");
        BlockingQueue<Set<String>> woken = new LinkedBlockingQueue<>();
        BlockingQueue<String> told = new LinkedBlockingQueue<>();
        EventStoreWakeUp replica = new EventStoreWakeUp(dataSource, CHANNEL, () -> Set.of(STRING), woken::add);
        replica.hearReplicas(replicas, (item, sequence) -> told.add(item + "@" + sequence), topic -> told.add("*" + topic));
        replica.start();
        try (Connection forger = dataSource.getConnection(); Statement statement = forger.createStatement()) {
            settled(woken);
            statement.execute("SELECT pg_notify('" + replicas + "', E'not a line\\n-x case-9\\n12 case-3\\n7\\n "
                    + "case-4\\n99999999999999999999 case-5\\n*partner-feed\\n* partner-feed')");
            assertThat(told.poll(2, TimeUnit.SECONDS)).isEqualTo("case-3@12");
            assertThat(told.poll(2, TimeUnit.SECONDS)).isEqualTo("*partner-feed");
            assertThat(told.poll(500, TimeUnit.MILLISECONDS)).as("told of a line that does not parse").isNull();
            assertThat(woken).as("streams woken by the replica channel").isEmpty();
        } finally {
            replica.stop();
        }
    }

    @Test
    void aNotificationOnTheReplicaChannelFromAnotherLoginIsNotToldOn() throws Exception {
        String replicas = EventStoreWakeUp.replicaChannel(CHANNEL, "case-service");
        BlockingQueue<Set<String>> woken = new LinkedBlockingQueue<>();
        BlockingQueue<String> told = new LinkedBlockingQueue<>();
        EventStoreWakeUp replica = new EventStoreWakeUp(dataSource, CHANNEL, () -> Set.of(STRING), woken::add);
        replica.hearReplicas(replicas, (item, sequence) -> told.add(item + "@" + sequence), topic -> told.add("*" + topic));
        replica.start();
        try (Connection admin = dataSource.getConnection(); Statement roles = admin.createStatement()) {
            roles.execute("DROP ROLE IF EXISTS announcement_intruder");
            roles.execute("CREATE ROLE announcement_intruder LOGIN PASSWORD 'intruder'");
        }
        // another service's login, say: any login may notify any channel (the URL's parameters name the test's user)
        try (Connection intruder = DriverManager.getConnection(dataSource.getUrl().replaceFirst("\\?.*$", ""),
                "announcement_intruder", "intruder");
             Statement forged = intruder.createStatement();
             Connection replicaLogin = dataSource.getConnection();
             Statement sent = replicaLogin.createStatement()) {
            settled(woken);
            forged.execute("SELECT pg_notify('" + replicas + "', E'* replay-case-view\\n12 case-3')");
            assertThat(told.poll(2, TimeUnit.SECONDS)).as("told of another login's signal or item").isNull();
            assertThat(woken).as("streams woken by the replica channel").isEmpty();

            sent.execute("SELECT pg_notify('" + replicas + "', '* replay-case-view')");
            assertThat(told.poll(2, TimeUnit.SECONDS)).as("a replica of the same login is heard")
                    .isEqualTo("*replay-case-view");
        } finally {
            replica.stop();
        }
    }

    /** The listener's first look once listening, and its second once the announcers read the registry again. */
    static void settled(BlockingQueue<Set<String>> heard) throws InterruptedException {
        assertThat(heard.poll(5, TimeUnit.SECONDS)).as("everyone looks once listening").isEmpty();
        assertThat(heard.poll(4, TimeUnit.SECONDS)).as("and once more after the announcers' next read").isEmpty();
    }

    static String channelOf(String payloadType) {
        return EventStoreWakeUp.channelOf(CHANNEL, payloadType);
    }

    static GenericDomainEventMessage<Object> event(Object payload) {
        return new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0, payload);
    }

    static NotifyingEventStorageEngine engine() {
        return new NotifyingEventStorageEngine(EventStoreWakeUpIT.engine(dataSource),
                EventStoreWakeUpIT.loginOf(dataSource), CHANNEL);
    }

    /** A connection listening on channels without registering them: it hears what is sent, not what is wanted. */
    static final class Eavesdropper implements AutoCloseable {

        private final Connection connection;

        Eavesdropper(String... channels) throws SQLException {
            connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                for (String channel : channels) {
                    statement.execute("LISTEN " + channel);
                }
            }
        }

        /** Every notification received within {@code millis}. */
        List<PGNotification> heard(long millis) throws SQLException {
            List<PGNotification> heard = new ArrayList<>();
            long deadline = System.currentTimeMillis() + millis;
            for (long left = millis; left > 0; left = deadline - System.currentTimeMillis()) {
                PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications((int) left);
                if (notifications != null) {
                    heard.addAll(List.of(notifications));
                }
            }
            return heard;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}

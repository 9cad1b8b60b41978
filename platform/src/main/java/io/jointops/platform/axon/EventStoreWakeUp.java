package io.jointops.platform.axon;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Listens to the event store's notifications ({@code LISTEN}) and wakes the {@link WakeableEventStore} when any
 * service (this one included) committed events, so that views follow within milliseconds rather than after a poll
 * interval. The processors' own look every few minutes stays as the fallback: a lost connection (a database restart)
 * only costs latency until the listener has connected again.
 * <p>
 * Each commit is announced on a channel per payload type ({@link #channelOf}) and on the base channel: the listener
 * hears only the channels of the types this service's streams read (all, on the base channel, when one of them reads
 * every type), so that a commit of another context's events costs this JVM nothing. PostgreSQL still wakes every
 * listening backend on a commit, but forwards a notification only on a channel listened to.
 * <p>
 * The channels listened to are registered in {@link #REGISTRY} under the listening connection's process id, and the
 * announcers send only on channels some other process listens on ({@link EventAnnouncer}): a commit that no other
 * process reads costs no notification at all. An announcer reads the registry again at most {@link
 * EventAnnouncer#REGISTRY_MAX_AGE} after it last did, so a listener looks once more that long after registering: a
 * commit announced with the registry as it was before is read then.
 * <p>
 * The listener also hears its service's other replicas tell which items their processors committed and what they
 * signal ({@link #hearReplicas}): a write waiting here for its view, which another replica's processor writes, reads it
 * then rather than at its next fallback look (every 250 ms), and so does a reader of the partner feed.
 */
public class EventStoreWakeUp implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStoreWakeUp.class);
    /** Leaves room for {@link #channelOf}'s suffix within PostgreSQL's 63 characters. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,53}");
    private static final Duration RECONNECT = Duration.ofSeconds(1);
    /** Which connection (PostgreSQL's process id) listens on which channel: V15__event_listeners.sql. */
    static final String REGISTRY = "eventstore.event_listener";
    /** Replaces this connection's rows with its channels, and drops the rows of connections that are gone. */
    static final String REGISTER = "WITH wanted AS (SELECT unnest(?::text[]) AS channel),"
            + " gone AS (DELETE FROM " + REGISTRY + " l WHERE (l.backend_pid = pg_backend_pid()"
            + " AND l.channel NOT IN (SELECT channel FROM wanted))"
            + " OR NOT EXISTS (SELECT FROM pg_stat_activity a WHERE a.pid = l.backend_pid))"
            + " INSERT INTO " + REGISTRY + " (backend_pid, channel) SELECT pg_backend_pid(), channel FROM wanted"
            + " ON CONFLICT DO NOTHING";
    /** After registering, the second look: once every announcer has read the registry again. */
    private static final Duration SECOND_LOOK = EventAnnouncer.REGISTRY_MAX_AGE.multipliedBy(3).dividedBy(2);

    private final DataSource dataSource;
    private final String channel;
    private final Supplier<Set<String>> heard;
    private final Consumer<Set<String>> wake;
    /** PostgreSQL's process id of this process's own announcer, whose commits its store was told of already. */
    private final LongSupplier ownAnnouncer;
    private volatile boolean running;
    private volatile Thread thread;
    /** PostgreSQL's process id of the listening connection, -1 while there is none. */
    private volatile long backend = -1;
    /** The channel the service's replicas tell their processed items on ({@code null}: none), and whom to tell. */
    private volatile String replicaChannel;
    private volatile BiConsumer<String, Long> processedElsewhere = (item, sequence) -> {
    };
    private volatile Consumer<String> signalledElsewhere = topic -> {
    };
    /** Who sent on the replica channel: the listener's thread only. */
    private final Map<Integer, Sender> senders = new HashMap<>();
    private static final Duration SENDER_RECHECK = Duration.ofMinutes(1);

    /** A listener of every commit. */
    public EventStoreWakeUp(DataSource dataSource, String channel, Consumer<Set<String>> wake) {
        this(dataSource, channel, () -> null, wake);
    }

    /**
     * @param heard the payload types to hear of ({@code null}: all), asked about once a second; cheap to ask, and the
     *              same set until it changes
     * @param wake  told the payload types of each commit heard of (empty when not told, e.g. after reconnecting or
     *              listening to more types: then everyone looks)
     */
    public EventStoreWakeUp(DataSource dataSource, String channel, Supplier<Set<String>> heard,
                            Consumer<Set<String>> wake) {
        this(dataSource, channel, heard, wake, () -> -1);
    }

    /**
     * @param ownAnnouncer PostgreSQL's process id of the connection this process announces its own commits on
     *                     ({@link NotifyingEventStorageEngine#announcingBackend()}): its notifications are passed over,
     *                     the engine told the store of those commits as they committed
     */
    public EventStoreWakeUp(DataSource dataSource, String channel, Supplier<Set<String>> heard,
                            Consumer<Set<String>> wake, LongSupplier ownAnnouncer) {
        this.dataSource = dataSource;
        this.channel = requireIdentifier(channel);
        this.heard = heard;
        this.wake = wake;
        this.ownAnnouncer = ownAnnouncer;
    }

    /**
     * The channel that announces commits of {@code payloadType}: the base channel and the type name's hash (two types
     * sharing one only wake each other's streams for nothing, the streams filter by name).
     */
    static String channelOf(String channel, String payloadType) {
        return channel + "_" + String.format("%08x", payloadType.hashCode());
    }

    /** The channels to listen to for {@code payloadTypes} ({@code null}: the base channel, which hears all). */
    Set<String> channelsFor(Set<String> payloadTypes) {
        if (payloadTypes == null) {
            return Set.of(channel);
        }
        Set<String> channels = new HashSet<>();
        payloadTypes.forEach(type -> channels.add(channelOf(channel, type)));
        return channels;
    }

    /**
     * The channel on which the replicas of {@code service} tell each other which items their processors committed
     * ({@link EventAnnouncer#itemProcessed}).
     */
    static String replicaChannel(String channel, String service) {
        return channelOf(channel, "processed by " + service);
    }

    /**
     * Before {@link #start()}: also listens on {@code replicaChannel} and tells {@code processed} each item (and its
     * event number) another replica's processors committed, and {@code signalled} each topic another replica signalled
     * ({@link ReplicaSignals}).
     */
    public void hearReplicas(String replicaChannel, BiConsumer<String, Long> processed, Consumer<String> signalled) {
        this.replicaChannel = replicaChannel;
        this.processedElsewhere = processed;
        this.signalledElsewhere = signalled;
    }

    /** The channel this listener hears the service's other replicas on ({@code null}: none). */
    public String replicaChannel() {
        return replicaChannel;
    }

    static String requireIdentifier(String channel) {
        if (channel == null || !IDENTIFIER.matcher(channel).matches()) {
            throw new IllegalArgumentException("jointops.event-store.notify.channel must be a lower-case SQL identifier: " + channel);
        }
        return channel;
    }

    /** The payload types the notifications name; empty if one of them names none (every stream looks then). */
    static Set<String> payloadTypes(PGNotification[] notifications) {
        Set<String> types = new HashSet<>();
        for (PGNotification notification : notifications) {
            String parameter = notification.getParameter();
            if (parameter == null || parameter.isEmpty()) {
                return Set.of();
            }
            types.addAll(Arrays.asList(parameter.split(",")));
        }
        return types;
    }

    @Override
    public void start() {
        running = true;
        Thread listener = new Thread(this::listen, "event-store-wake-up");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** PostgreSQL's process id of the connection listening now (-1 while there is none): this process's listener. */
    public long backend() {
        return backend;
    }

    /** Registers {@code listening} as this connection's channels; a failure is logged, listening goes on. */
    private void register(Connection connection, Set<String> listening) {
        try (var statement = connection.prepareStatement(REGISTER)) {
            statement.setArray(1, connection.createArrayOf("text", listening.toArray()));
            statement.execute();
        } catch (SQLException e) {
            log.warn("Could not register the channels listened to in {}: the other services do not announce their "
                    + "commits to this process, whose streams then look by themselves ({})", REGISTRY, e.getMessage());
        }
    }

    /** Listens to {@code wanted} and to no other channel; whether a channel was added. */
    private boolean listenTo(Connection connection, Set<String> listening, Set<String> wanted) throws SQLException {
        boolean added = false;
        try (Statement statement = connection.createStatement()) {
            for (String old : Set.copyOf(listening)) {
                if (!wanted.contains(old)) {
                    statement.execute("UNLISTEN " + old);
                    listening.remove(old);
                }
            }
            for (String channel : wanted) {
                if (listening.add(channel)) {
                    statement.execute("LISTEN " + channel);
                    added = true;
                }
            }
        }
        log.debug("Listening on {} channel(s) for committed events", listening.size());
        return added;
    }

    /**
     * Whether {@code notification} is on the replica channel: then its processed items and signals are told on if
     * another replica sent it, i.e. a connection of this service's own login. Any login may notify any channel, and a
     * signal asking the replicas to let go of a view's segments for a replay must not be another service's to give.
     */
    private boolean tellProcessed(PGNotification notification, Connection connection) throws SQLException {
        if (!notification.getName().equals(replicaChannel)) {
            return false;
        }
        if (sentByThisLogin(connection, notification.getPID())) {
            EventAnnouncer.replicaNews(notification.getParameter(), processedElsewhere, signalledElsewhere);
        } else {
            log.debug("Ignored a notification on {} from process {} of another login", replicaChannel,
                    notification.getPID());
        }
        return true;
    }

    /** Each sender's login, looked up once a minute at most (a process id is reused only after its process ended). */
    private boolean sentByThisLogin(Connection connection, int pid) throws SQLException {
        Instant now = Instant.now();
        Sender known = senders.get(pid);
        if (known != null && now.isBefore(known.at().plus(SENDER_RECHECK))) {
            return known.thisLogin();
        }
        try (PreparedStatement lookup = connection.prepareStatement(
                "SELECT EXISTS (SELECT FROM pg_stat_activity WHERE pid = ? AND usename = current_user)")) {
            lookup.setInt(1, pid);
            try (ResultSet row = lookup.executeQuery()) {
                row.next();
                if (senders.size() >= 1_000) {
                    senders.clear();
                }
                Sender sender = new Sender(now, row.getBoolean(1));
                senders.put(pid, sender);
                return sender.thisLogin();
            }
        }
    }

    private record Sender(Instant at, boolean thisLogin) {
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                backend = postgres.getBackendPID();
                Set<String> listening = new HashSet<>();
                Set<String> types = null;
                boolean first = true;
                long secondLook = 0; // System.nanoTime() of the second look, 0: none due
                while (running) {
                    Set<String> wanted = heard.get();
                    if (first || wanted != types) {
                        types = wanted;
                        Set<String> channels = new HashSet<>(channelsFor(wanted));
                        if (replicaChannel != null) {
                            channels.add(replicaChannel);
                        }
                        boolean added = listenTo(connection, listening, channels);
                        register(connection, listening);
                        if (added || first) {
                            wake.accept(Set.of()); // whatever was committed while not listening
                            secondLook = System.nanoTime() + SECOND_LOOK.toNanos();
                        }
                        first = false;
                    }
                    if (secondLook != 0 && System.nanoTime() - secondLook >= 0) {
                        secondLook = 0;
                        wake.accept(Set.of()); // whatever was announced with the registry as it was before
                    }
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications != null && notifications.length > 0) {
                        long own = ownAnnouncer.getAsLong();
                        List<PGNotification> others = new ArrayList<>(notifications.length);
                        for (PGNotification notification : notifications) {
                            if (notification.getPID() != own && !tellProcessed(notification, connection)) {
                                others.add(notification);
                            }
                        }
                        if (!others.isEmpty()) {
                            wake.accept(payloadTypes(others.toArray(PGNotification[]::new)));
                        }
                    }
                }
                backend = -1;
            } catch (SQLException | RuntimeException e) {
                backend = -1;
                if (!running) {
                    return;
                }
                log.info("Event store notifications interrupted ({}); polling only until reconnected", e.getMessage());
                try {
                    Thread.sleep(RECONNECT.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}

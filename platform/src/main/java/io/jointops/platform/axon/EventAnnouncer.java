package io.jointops.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tells the listening services which payload types were committed: PostgreSQL {@code NOTIFY}s on the base channel
 * (naming all of them) and on each type's channel ({@link EventStoreWakeUp#channelOf}), sent after the appending
 * transaction committed, from a connection of their own, by one thread; the types committed while one announcement is
 * on its way go out together in the next.
 * <p>
 * Why not in the appending transaction: PostgreSQL serialises the commits of transactions that notify with one lock
 * for the whole database, taken at commit and held until the commit is flushed, so every append of every service
 * waited for the one before it to reach the disk (pgbench on the launcher's PostgreSQL, 16 clients: an insert alone
 * 15,300 transactions/s, with a {@code NOTIFY} in its transaction 2,900/s; docs/performance.md). An announcement's
 * own transaction commits without waiting for the flush ({@code synchronous_commit} off for it): it carries nothing
 * that a crash could lose but a wake-up, and every stream looks again by itself (at most 2 minutes later).
 * <p>
 * An announcement the database refuses (a restart, a broken connection) is kept and sent again a second later, with
 * whatever was committed since.
 * <p>
 * The announcements go out on one connection the announcer keeps, so that this service's listener can tell them by
 * their sender ({@link #backend()}) and pass over what this process already knows (the engine wakes its own streams at
 * commit, without a round trip through the database).
 * <p>
 * Only the channels another process listens on are sent ({@link EventStoreWakeUp#REGISTRY}, read again when an
 * announcement is due and the last read is older than {@link #REGISTRY_MAX_AGE}; this process's own listener is not
 * counted): a commit no other process reads costs no statement, and no listening backend is woken for it (PostgreSQL
 * wakes every one of the database's on every notification); while the last read is fresh, it does not even wake the
 * announcer's thread. The base channel goes out, with every type's, when another process listens to all. Unless the
 * registry could be read, everything goes out.
 * <p>
 * The same way it tells the service's other replicas which items this process's processors committed ({@link
 * #itemProcessed}), on the service's replica channel ({@link EventStoreWakeUp#replicaChannel}): a write waiting in
 * another replica for a view this replica writes reads it then. With one replica nobody else listens there, and
 * nothing is sent (not even a hand-over to the announcer's thread while the registry read is fresh).
 */
final class EventAnnouncer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventAnnouncer.class);
    /** PostgreSQL refuses a payload of 8,000 bytes or more; a longer one is sent empty, which wakes every stream. */
    static final int MAX_NOTIFY_PAYLOAD = 7_000;
    private static final long RETRY_MILLIS = 1_000;
    /** Processed items kept for the other replicas while they cannot be told (the database away); more are dropped. */
    static final int MAX_PROCESSED = 10_000;
    /** How old the channels heard elsewhere may be when an announcement is due. */
    static final Duration REGISTRY_MAX_AGE = Duration.ofSeconds(1);
    private static final String HEARD_ELSEWHERE = "SELECT DISTINCT channel FROM " + EventStoreWakeUp.REGISTRY + " l"
            + " WHERE l.backend_pid <> ? AND EXISTS (SELECT FROM pg_stat_activity a WHERE a.pid = l.backend_pid)";
    private static final String NOTIFY = "SELECT pg_notify(n.channel, n.parameter)"
            + " FROM unnest(?::text[], ?::text[]) AS n(channel, parameter)"
            + " WHERE set_config('synchronous_commit', 'off', true) = 'off'"; // for this transaction only

    private final String channel;
    private final ConnectionProvider connections;
    /** Committed types not announced yet; guarded by {@code this}. */
    private final Set<String> pending = new LinkedHashSet<>();
    /** Items processed here (their last event number) not told to the other replicas yet; guarded by {@code this}. */
    private final Map<String, Long> processed = new LinkedHashMap<>();
    /** Topics signalled here ({@link ReplicaSignals}) not told to the other replicas yet; guarded by {@code this}. */
    private final Set<String> signals = new LinkedHashSet<>();
    /** The service's replica channel ({@code null}: none told). */
    private volatile String replicaChannel;
    /** Whether another process listened on {@link #replicaChannel} at the last read of the registry (or it failed). */
    private volatile boolean replicasListen = true;
    /** {@link System#nanoTime()} of the last read of the registry, for other threads; 0: none yet. */
    private volatile long registryReadAt;
    private Thread thread;
    private long wakeUps;
    private boolean closed;
    /** The announcer's own connection, opened at its first announcement and again after a failure; its thread's. */
    private Connection connection;
    /** PostgreSQL's process id for {@link #connection}, -1 while there is none. */
    private volatile long backend = -1;
    /** PostgreSQL's process id of this process's own listener, whose channels do not count. */
    private volatile LongSupplier ownListener = () -> -1;
    /**
     * The channels other processes listen on ({@code null}: not known, everything goes out); written by its thread,
     * read by committing threads after {@link #registryReadAt}.
     */
    private volatile Set<String> heardElsewhere;
    /** {@link System#nanoTime()} of the last read of {@link #heardElsewhere}. */
    private long heardAt;

    EventAnnouncer(String channel, ConnectionProvider connections) {
        this.channel = EventStoreWakeUp.requireIdentifier(channel);
        this.connections = connections;
    }

    /** This process's listener ({@link EventStoreWakeUp#backend()}): what it hears, this process is told at commit. */
    void ownListener(LongSupplier backend) {
        this.ownListener = backend;
    }

    /** Tells the service's other replicas on {@code replicaChannel} which items this process's processors committed. */
    void replicaChannel(String replicaChannel) {
        this.replicaChannel = replicaChannel;
    }

    /**
     * Announces {@code payloadTypes}, committed: soon, on the announcer's thread, never on the caller's; not at all,
     * without waking that thread, while the last read of the registry, under {@link #REGISTRY_MAX_AGE} old, found no
     * other process listening for them.
     */
    synchronized void announce(Collection<String> payloadTypes) {
        if (closed || nobodyElseHears(payloadTypes)) {
            return;
        }
        pending.addAll(payloadTypes);
        wakeThread();
    }

    /**
     * A processor of this process committed event number {@code sequence} of item {@code itemId}: the service's other
     * replicas are told soon, if one listens (the writes waiting there for the item's view read it then).
     */
    void itemProcessed(String itemId, long sequence) {
        if (itemId.indexOf('\n') >= 0 || noReplicaListens()) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            if (processed.size() < MAX_PROCESSED || processed.containsKey(itemId)) {
                processed.merge(itemId, sequence, Math::max);
            }
            wakeThread();
        }
    }

    /** Signals {@code topic} ({@link ReplicaSignals}) to the service's other replicas soon, if one listens. */
    void replicaSignal(String topic) {
        if (noReplicaListens()) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            signals.add(topic);
            wakeThread();
        }
    }

    /** Whether no other process listened for {@code payloadTypes} at a read of the registry under its age. */
    private boolean nobodyElseHears(Collection<String> payloadTypes) {
        long readAt = registryReadAt; // read first: what it was read with was published before it
        Set<String> heard = heardElsewhere;
        if (readAt == 0 || heard == null || System.nanoTime() - readAt >= REGISTRY_MAX_AGE.toNanos()
                || heard.contains(channel)) {
            return false;
        }
        for (String type : payloadTypes) {
            if (heard.contains(EventStoreWakeUp.channelOf(channel, type))) {
                return false;
            }
        }
        return true;
    }

    /** Whether no other replica listened at a read of the registry under {@link #REGISTRY_MAX_AGE} old. */
    private boolean noReplicaListens() {
        long readAt = registryReadAt;
        return replicaChannel == null
                || !replicasListen && readAt != 0 && System.nanoTime() - readAt < REGISTRY_MAX_AGE.toNanos();
    }

    /** How often the announcer's thread was woken: a wake-up is a thread switch per commit (tests). */
    synchronized long wakeUps() {
        return wakeUps;
    }

    private void wakeThread() {
        wakeUps++;
        if (thread == null) {
            thread = new Thread(this::run, "event-announcer-" + channel);
            thread.setDaemon(true);
            thread.start();
        }
        notifyAll();
    }

    private void run() {
        try {
            announceUntilClosed();
        } finally {
            release();
        }
    }

    private void announceUntilClosed() {
        while (true) {
            List<String> types;
            Map<String, Long> items;
            List<String> topics;
            synchronized (this) {
                try {
                    while (pending.isEmpty() && processed.isEmpty() && signals.isEmpty() && !closed) {
                        wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (pending.isEmpty() && processed.isEmpty() && signals.isEmpty()) {
                    return; // closed, nothing left
                }
                types = new ArrayList<>(pending);
                pending.clear();
                items = new LinkedHashMap<>(processed);
                processed.clear();
                topics = new ArrayList<>(signals);
                signals.clear();
            }
            try {
                send(types, items, topics);
            } catch (SQLException | RuntimeException e) {
                synchronized (this) {
                    pending.addAll(types);
                    items.forEach((item, sequence) -> processed.merge(item, sequence, Math::max));
                    signals.addAll(topics);
                    if (closed) {
                        log.warn("Announcing committed events on {} failed at shutdown; the other services' streams "
                                + "read them at their next look: {}", channel, e.toString());
                        return;
                    }
                    log.warn("Announcing committed events on {} failed, again in {} ms: {}", channel, RETRY_MILLIS,
                            e.toString());
                    try {
                        wait(RETRY_MILLIS);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    /** PostgreSQL's process id of the connection the announcements go out on, -1 while there is none. */
    long backend() {
        return backend;
    }

    /**
     * One statement, one transaction: the base channel naming every type, and each type's own channel, of those
     * another process listens on, and the processed items and signals on the replica channel if another replica
     * listens; none: no statement.
     */
    private void send(List<String> payloadTypes, Map<String, Long> items, List<String> topics) throws SQLException {
        try {
            if (connection == null) {
                connection = connections.getConnection();
                connection.setAutoCommit(true);
                try (PreparedStatement pid = connection.prepareStatement("SELECT pg_backend_pid()");
                     java.sql.ResultSet row = pid.executeQuery()) {
                    row.next();
                    backend = row.getLong(1);
                }
            }
            Set<String> heard = heardElsewhere();
            String all = String.join(",", payloadTypes);
            List<String> channels = new ArrayList<>();
            List<String> parameters = new ArrayList<>();
            String replicas = replicaChannel;
            if ((!items.isEmpty() || !topics.isEmpty()) && replicas != null
                    && (heard == null || heard.contains(replicas))) {
                for (String payload : replicaPayloads(items, topics)) {
                    channels.add(replicas);
                    parameters.add(payload);
                }
            }
            if (!payloadTypes.isEmpty() && (heard == null || heard.contains(channel))) {
                channels.add(channel);
                parameters.add(all.length() > MAX_NOTIFY_PAYLOAD ? "" : all);
            }
            for (String type : payloadTypes) {
                String typeChannel = EventStoreWakeUp.channelOf(channel, type);
                if (heard == null || heard.contains(channel) || heard.contains(typeChannel)) {
                    channels.add(typeChannel);
                    parameters.add(type.length() > MAX_NOTIFY_PAYLOAD ? "" : type);
                }
            }
            if (channels.isEmpty()) {
                return;
            }
            try (PreparedStatement statement = connection.prepareStatement(NOTIFY)) {
                statement.setArray(1, connection.createArrayOf("text", channels.toArray()));
                statement.setArray(2, connection.createArrayOf("text", parameters.toArray()));
                statement.execute();
            }
        } catch (SQLException | RuntimeException e) {
            release();
            throw e;
        }
    }

    /** The channels other processes listen on, read again if older than {@link #REGISTRY_MAX_AGE}; null: unknown. */
    private Set<String> heardElsewhere() {
        if (heardAt != 0 && System.nanoTime() - heardAt < REGISTRY_MAX_AGE.toNanos()) {
            return heardElsewhere;
        }
        boolean warn = heardAt == 0 || heardElsewhere != null; // the first failure, or the first after a read
        heardAt = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(HEARD_ELSEWHERE)) {
            statement.setLong(1, ownListener.getAsLong());
            Set<String> channels = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    channels.add(rows.getString(1));
                }
            }
            heardElsewhere = channels;
        } catch (SQLException e) {
            if (warn) {
                log.warn("Reading who listens ({}) failed; announcing on every channel until it can be read: {}",
                        EventStoreWakeUp.REGISTRY, e.toString());
            }
            heardElsewhere = null;
        }
        String replicas = replicaChannel;
        replicasListen = heardElsewhere == null || replicas != null && heardElsewhere.contains(replicas);
        registryReadAt = heardAt;
        return heardElsewhere;
    }

    /**
     * Processed items and signals as notification payloads, each below {@link #MAX_NOTIFY_PAYLOAD}: a line per signal,
     * {@code *}, a space and its topic, and a line per item, its event number, a space and its id (which has no line
     * break: {@link #itemProcessed} passes over one that has).
     */
    static List<String> replicaPayloads(Map<String, Long> items, List<String> topics) {
        List<String> lines = new ArrayList<>();
        topics.forEach(topic -> lines.add("* " + topic));
        items.forEach((item, sequence) -> lines.add(sequence + " " + item));
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        for (String line : lines) {
            if (line.length() >= MAX_NOTIFY_PAYLOAD) {
                continue; // an id that long is no item's; its writers fall back to their own look
            }
            if (payload.length() + line.length() + 1 > MAX_NOTIFY_PAYLOAD) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            if (!payload.isEmpty()) {
                payload.append('\n');
            }
            payload.append(line);
        }
        if (!payload.isEmpty()) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    /**
     * Tells {@code processed} each item and {@code signalled} each topic of a payload of {@link #replicaPayloads}; what
     * does not parse is left.
     */
    static void replicaNews(String payload, BiConsumer<String, Long> processed, Consumer<String> signalled) {
        if (payload == null) {
            return;
        }
        for (String line : payload.split("\n")) {
            int space = line.indexOf(' ');
            if (space <= 0 || space == line.length() - 1) {
                continue;
            }
            if (space == 1 && line.charAt(0) == '*') {
                signalled.accept(line.substring(2));
                continue;
            }
            try {
                processed.accept(line.substring(space + 1), Long.parseLong(line, 0, space, 10));
            } catch (NumberFormatException e) {
                // not a replica's line: a notification anyone with a login may send, worth no more than a look
            }
        }
    }

    private void release() {
        backend = -1;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // broken already: the pool drops it
            }
            connection = null;
        }
    }

    /** Sends what is pending (waiting up to 5 s for it) and stops the thread. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            notifyAll();
            running = thread;
        }
        if (running != null) {
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

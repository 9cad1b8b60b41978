package io.jointops.platform.axon;

import io.jointops.platform.query.ReadYourWrites;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.axonframework.common.jdbc.JdbcUtils.executeQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The JDBC storage engine, announcing each commit of events with PostgreSQL {@code NOTIFY}s once (and only if) the
 * appending transaction committed ({@link EventAnnouncer}), so the services' {@link EventStoreWakeUp} read the events
 * as soon as they are visible instead of at their next poll. The notifications name the payload types appended, one
 * channel per type, so that only the services and processors that handle one of them hear and read.
 */
public class NotifyingEventStorageEngine extends JdbcEventStorageEngine implements AutoCloseable {

    /** Axon's defaults for the JDBC engine's tokens (not changed in EventStoreConfiguration). */
    private static final Duration GAP_TIMEOUT = Duration.ofMinutes(1);
    private static final int MAX_GAP_OFFSET = 10_000;

    /** The filtered reads' connections, a pool of their own ({@link #readPool}). */
    private final HikariDataSource reads;
    private final EventAnnouncer announcer;
    /** Told the payload types of each commit this engine made, at commit: this process's own store. */
    private volatile Consumer<Set<String>> committedHere = types -> {
    };
    /** The filtered reads' two statements ({@link #scan}), built once. */
    private final String readRowsOfBatch;
    private final String readPassingOver;

    /** {@code database}: the database and login of the filtered reads' own pool ({@link #readPool}). */
    public NotifyingEventStorageEngine(Builder builder, HikariConfig database, String channel) {
        super(builder);
        this.reads = readPool(database);
        this.announcer = new EventAnnouncer(channel, this::getConnection);
        this.readRowsOfBatch = rowsOfRange(schema(), "") + " ORDER BY " + schema().globalIndexColumn();
        this.readPassingOver = passingOver(schema());
    }

    /**
     * The committed events after {@code token} whose stored payload type is one of {@code payloadTypes} ({@code null}:
     * all): one query, upcast and deserialized. Unlike {@code readEvents(token, false)}, it does not query again to find
     * out that there is nothing more. Where every position after the token is committed (no gap, none being written),
     * the query counts the positions of up to {@code reach} batches, short of the store's last batch, instead of reading
     * their rows, and fetches only the wanted ones, through the payload type's index; otherwise it reads the rows of
     * one batch of positions (and the token's gaps) as Axon's engine does. A read that ends before the end of its range
     * reached the head of the store, one that reaches it may have left events behind.
     */
    StoreEventStream.Batch readBatchAfter(TrackingToken token, Set<String> payloadTypes, int reach) {
        if (payloadTypes == null) {
            return readBatchAfter(token);
        }
        Scan scan = scan((GapAwareTrackingToken) token, payloadTypes, reach);
        List<TrackedEventMessage<?>> events = new ArrayList<>(EventUtils.upcastAndDeserializeTrackedEvents(
                scan.wanted().stream(), getEventSerializer(), upcasterChain).toList());
        TrackingToken lastDelivered = events.isEmpty() ? token : events.get(events.size() - 1).trackingToken();
        if (scan.scannedTo() != null && !scan.scannedTo().equals(lastDelivered)) {
            // the processor ignores it, and so its tokens pass the skipped events too: a replay ends at the position
            // it was reset at, and a processor's progress shows, even when its last events are of other types
            events.add(new GenericTrackedEventMessage<>(scan.scannedTo(),
                    GenericEventMessage.asEventMessage(new PassedOver(((GapAwareTrackingToken) scan.scannedTo()).getIndex()))));
        }
        return new StoreEventStream.Batch(events, scan.reachedEndOfRange(), scan.scannedTo());
    }

    /** Stands for the events a filtered read skipped, up to and including {@code position}; no handler takes it. */
    record PassedOver(long position) {
    }

    StoreEventStream.Batch readBatchAfter(TrackingToken token) {
        List<TrackedEventMessage<?>> events = EventUtils.upcastAndDeserializeTrackedEvents(
                        fetchTrackedEvents(token, batchSize()).stream(), getEventSerializer(), upcasterChain)
                .toList();
        boolean mayHaveMore = !(token == null || token instanceof GapAwareTrackingToken)
                || (!events.isEmpty() && indexOf(events.get(events.size() - 1).trackingToken())
                        >= indexOf(token) + batchSize());
        return new StoreEventStream.Batch(events, mayHaveMore);
    }

    /**
     * The wanted events after {@code token}. With gaps to look at again, the rows of a batch of positions (and the
     * gaps), every one of them advancing the token exactly as Axon's engine does (so a position the filter skips is no
     * gap), but only those of {@code payloadTypes} with their payload and metadata: the others cost the database a row
     * it has at hand and the service a number. Without gaps, the same statement first counts the positions of up to
     * {@code reach} batches after the token, short of the last batch of the store (where positions are still being
     * written under load): if all up to the last one counted are committed, it fetches only the wanted rows (a batch
     * at most) and passes over the rest without reading them.
     */
    private Scan scan(GapAwareTrackingToken token, Set<String> payloadTypes, int reach) {
        long after = token == null ? 0 : token.getIndex(); // global_index is a BIGSERIAL: the first position is 1
        long upTo = after + batchSize();
        EventSchema s = schema();
        if (token != null && !token.getGaps().isEmpty()) {
            return executeQuery(readConnection(), connection -> {
                PreparedStatement statement = connection.prepareStatement(readRowsOfBatch);
                bindRowsOfRange(statement, 1, connection, token, after, upTo, payloadTypes);
                return statement;
            }, rows -> readRows(rows, false, s, token, after, upTo), e -> readFailed(token, e));
        }
        long far = after + (long) batchSize() * Math.max(1, reach);
        return executeQuery(readConnection(), connection -> {
            PreparedStatement statement = connection.prepareStatement(readPassingOver);
            statement.setLong(1, after);
            statement.setLong(2, far);
            statement.setInt(3, batchSize());
            statement.setLong(4, after);
            statement.setArray(5, connection.createArrayOf("varchar", payloadTypes.toArray()));
            statement.setLong(6, after);
            statement.setInt(7, batchSize());
            statement.setInt(8, batchSize());
            bindRowsOfRange(statement, 9, connection, token, after, upTo, payloadTypes);
            return statement;
        }, rows -> {
            if (!rows.next()) {
                return new Scan(List.of(), token, false);
            }
            long top = rows.getLong("passed_to");
            if (rows.wasNull()) {
                return readRows(rows, true, s, token, after, upTo);
            }
            List<TrackedEventData<?>> events = new ArrayList<>();
            GapAwareTrackingToken position = null;
            while (rows.next()) {
                position = GapAwareTrackingToken.newInstance(rows.getLong(s.globalIndexColumn()), List.of());
                events.add(new TrackedDomainEventData<>(position, entry(rows, s)));
            }
            // more follows: at least the store's last batch, which the span stops short of
            boolean cut = events.size() >= batchSize();
            return new Scan(events, cut ? position : GapAwareTrackingToken.newInstance(top, List.of()), true);
        }, e -> readFailed(token, e));
    }

    /**
     * The read of a token without gaps ({@link #scan}): the span counted, the wanted rows if it is complete, a row
     * saying how far it goes, and otherwise the rows of one batch ({@link #rowsOfRange}).
     */
    private static String passingOver(EventSchema s) {
        String gi = s.globalIndexColumn();
        String table = s.domainEventTable();
        // span: the last position counted, if every one up to it is committed (counted through the primary key)
        return "WITH span AS MATERIALIZED (SELECT max(" + gi + ") AS top FROM " + table
                + " WHERE " + gi + " > ? AND " + gi + " <= LEAST(?, (SELECT max(" + gi + ") FROM " + table + ") - ?)"
                + " HAVING count(*) = max(" + gi + ") - ?)"
                // the wanted rows, each type's through the index on (payload_type, global_index): the row comparison
                // is one the primary key cannot serve, so the planner does not scan the span's rows for them
                + " SELECT * FROM (SELECT e.* FROM unnest(?::varchar[]) AS t(wanted_type) CROSS JOIN LATERAL (SELECT "
                + gi + ", " + s.timestampColumn() + ", true AS wanted, " + s.eventIdentifierColumn() + ", "
                + s.aggregateIdentifierColumn() + ", " + s.sequenceNumberColumn() + ", " + s.typeColumn() + ", "
                + s.payloadTypeColumn() + ", " + s.payloadRevisionColumn() + ", " + s.payloadColumn() + ", "
                + s.metaDataColumn() + ", NULL::bigint AS passed_to FROM " + table
                + " WHERE (" + s.payloadTypeColumn() + ", " + gi + ") > (t.wanted_type, ?)"
                + " AND (" + s.payloadTypeColumn() + ", " + gi + ") <= (t.wanted_type, (SELECT top FROM span))"
                + " ORDER BY " + s.payloadTypeColumn() + ", " + gi + " LIMIT ?) e ORDER BY " + gi + " LIMIT ?) w"
                // one row saying how far the span goes (the uncorrelated sub-selects run once, and a branch whose
                // condition is false is not run at all)
                + " UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, top FROM span"
                + " UNION ALL " + rowsOfRange(s, ", NULL") + " WHERE NOT EXISTS (SELECT FROM span)"
                + " ORDER BY " + gi + " NULLS FIRST";
    }

    /**
     * A pool for the filtered reads, on {@code database}'s database and login: connections in autocommit whose sessions
     * plan each statement once ({@code plan_cache_mode = force_generic_plan}). PostgreSQL's own choice planned these
     * reads anew every time (their custom plans look cheaper than a generic one), which cost more than running them
     * (0.3-0.6 ms a read, {@code pg_stat_statements.track_planning}). In a pool of their own, no other statement of the
     * service is planned so, and a read is one statement: on the service's pool it took a transaction to scope the
     * setting to (three round trips and a commit more for every read, for every processor woken by a commit). Four
     * connections: a read takes a fraction of a millisecond, and the processors of a service woken by one commit share
     * them; opened when first needed, one kept idle.
     */
    static HikariDataSource readPool(HikariConfig database) {
        HikariDataSource pool = new HikariDataSource(); // initialised at its first connection, as Spring Boot's
        database.copyStateTo(pool);
        pool.setPoolName((database.getPoolName() == null ? "jointops" : database.getPoolName()) + "-event-reads");
        pool.setAutoCommit(true);
        pool.setConnectionInitSql("SET plan_cache_mode = force_generic_plan");
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(1);
        return pool;
    }

    Connection readConnection() {
        try {
            return reads.getConnection();
        } catch (SQLException e) {
            throw new EventStoreException("No connection to read events with", e);
        }
    }

    /**
     * The rows of a range of positions, the token's gaps and the first position after the range (Axon's extended gap
     * check: a run of rolled-back positions longer than the range must not stop the stream), each row with whether it
     * is wanted. Whether a row is wanted is decided once per row (OFFSET 0 keeps the subquery from being merged into
     * the outer one, which would repeat the test for every column); a row that is not wanted comes with its position
     * and time only, all the token needs.
     */
    private static String rowsOfRange(EventSchema s, String extraColumns) {
        String gi = s.globalIndexColumn();
        return "SELECT " + gi + ", " + s.timestampColumn() + ", wanted"
                + whenWanted(s.eventIdentifierColumn()) + whenWanted(s.aggregateIdentifierColumn())
                + whenWanted(s.sequenceNumberColumn()) + whenWanted(s.typeColumn())
                + whenWanted(s.payloadTypeColumn()) + whenWanted(s.payloadRevisionColumn())
                + whenWanted(s.payloadColumn()) + whenWanted(s.metaDataColumn()) + extraColumns
                + " FROM (SELECT *, " + s.payloadTypeColumn() + " = ANY(?) AS wanted FROM " + s.domainEventTable()
                + " WHERE (" + gi + " > ? AND " + gi + " <= ?) OR " + gi + " = ANY(?)"
                + " OR " + gi + " = (SELECT min(" + gi + ") FROM " + s.domainEventTable() + " WHERE " + gi + " > ?)"
                + " OFFSET 0) e";
    }

    private static void bindRowsOfRange(PreparedStatement statement, int first, Connection connection,
                                        GapAwareTrackingToken token, long after, long upTo, Set<String> payloadTypes)
            throws SQLException {
        statement.setArray(first, connection.createArrayOf("varchar", payloadTypes.toArray()));
        statement.setLong(first + 1, after);
        statement.setLong(first + 2, upTo);
        statement.setArray(first + 3, connection.createArrayOf("bigint",
                token == null ? new Long[0] : token.getGaps().toArray(Long[]::new)));
        statement.setLong(first + 4, upTo);
    }

    /** Reads the rows of {@link #rowsOfRange} ({@code onRow}: the result set stands on the first one already). */
    private Scan readRows(ResultSet rows, boolean onRow, EventSchema s, GapAwareTrackingToken token, long after,
                          long upTo) throws SQLException {
        Instant gapsAllowedAfter = Instant.now().minus(GAP_TIMEOUT);
        GapAwareTrackingToken position = token;
        List<TrackedEventData<?>> events = new ArrayList<>();
        long last = after;
        for (boolean more = onRow || rows.next(); more; more = rows.next()) {
            long index = rows.getLong(s.globalIndexColumn());
            if (position != null && position.getGaps().isEmpty() && index == position.getIndex() + 1) {
                // no gap to keep or drop: the row's age cannot change the token, so its timestamp is not parsed
                position = position.advanceTo(index, 0);
            } else {
                Instant stored = DateTimeUtils.parseInstant(readTimeStamp(rows, s.timestampColumn()).toString());
                position = advance(position, index, stored.isAfter(gapsAllowedAfter));
            }
            last = Math.max(last, index);
            if (rows.getBoolean("wanted")) {
                events.add(new TrackedDomainEventData<>(position, entry(rows, s)));
            }
        }
        return new Scan(events, position, last > upTo);
    }

    private static EventStoreException readFailed(TrackingToken token, SQLException e) {
        return new EventStoreException("Failed to read events after " + token, e);
    }

    private static String whenWanted(String column) {
        return ", CASE WHEN wanted THEN " + column + " END AS " + column;
    }

    private GenericDomainEventEntry<?> entry(ResultSet rows, EventSchema s) throws SQLException {
        String aggregateIdentifier = rows.getString(s.aggregateIdentifierColumn());
        String eventIdentifier = rows.getString(s.eventIdentifierColumn());
        return new GenericDomainEventEntry<>(
                rows.getString(s.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                rows.getLong(s.sequenceNumberColumn()),
                eventIdentifier,
                readTimeStamp(rows, s.timestampColumn()),
                rows.getString(s.payloadTypeColumn()),
                rows.getString(s.payloadRevisionColumn()),
                readPayload(rows, s.payloadColumn()),
                readPayload(rows, s.metaDataColumn()));
    }

    /** Axon's token arithmetic ({@code JdbcEventStorageEngine#getTrackedEventData}): gaps only below recent events. */
    static GapAwareTrackingToken advance(GapAwareTrackingToken token, long index, boolean allowGaps) {
        if (token == null) {
            Collection<Long> gaps = allowGaps
                    ? java.util.stream.LongStream.range(1, index).boxed().collect(Collectors.toCollection(TreeSet::new))
                    : List.of();
            return GapAwareTrackingToken.newInstance(index, gaps);
        }
        return token.advanceTo(index, allowGaps ? MAX_GAP_OFFSET : 0);
    }

    /** A filtered read: the wanted events, the position after every row read, and whether the range was cut. */
    private record Scan(List<TrackedEventData<?>> wanted, GapAwareTrackingToken scannedTo, boolean reachedEndOfRange) {
    }

    private static long indexOf(TrackingToken token) {
        return token instanceof GapAwareTrackingToken gapAware ? gapAware.getIndex() : -1;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(events, serializer);
        if (events.isEmpty()) {
            return;
        }
        Map<String, Long> lastSequences = new HashMap<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                lastSequences.merge(domain.getAggregateIdentifier(), domain.getSequenceNumber(), Math::max);
            }
        }
        ReadYourWrites.appended(lastSequences);
        List<String> payloadTypes = events.stream()
                .map(event -> serializer.typeForClass(event.getPayloadType()).getName())
                .distinct()
                .toList();
        // once committed: this process's streams woken at once, the others announced outside the appending
        // transaction (EventAnnouncer says why)
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed(payloadTypes);
                }
            });
        } else {
            committed(payloadTypes); // no transaction: the append committed as it ran
        }
    }

    private void committed(List<String> payloadTypes) {
        committedHere.accept(Set.copyOf(payloadTypes));
        announcer.announce(payloadTypes);
    }

    /**
     * {@code wake} is told the payload types of every commit this engine makes, once it is committed, in the
     * committing thread: the store of this process wakes its streams without waiting for the announcement to come
     * back through the database (its listener passes over announcements from {@link #announcingBackend()}).
     */
    void onCommitHere(Consumer<Set<String>> wake) {
        this.committedHere = wake;
    }

    /**
     * This process's listener ({@link EventStoreWakeUp#backend()}): the channels it listens on are no reason to
     * announce, this process's streams are told of its commits as they commit.
     */
    public void ownListener(LongSupplier backend) {
        announcer.ownListener(backend);
    }

    /**
     * Tells the service's other replicas on {@code replicaChannel} ({@link EventStoreWakeUp#replicaChannel}) which
     * items this process's processors committed ({@link #itemProcessed}).
     */
    public void tellReplicasOn(String replicaChannel) {
        announcer.replicaChannel(replicaChannel);
    }

    /**
     * A processor of this process committed event number {@code sequence} of item {@code itemId}: the service's other
     * replicas, if any listen, are told soon (their writes waiting for the item's view read it then).
     */
    public void itemProcessed(String itemId, long sequence) {
        announcer.itemProcessed(itemId, sequence);
    }

    /** Signals {@code topic} ({@link ReplicaSignals}) to the service's other replicas, if any listen. */
    public void replicaSignal(String topic) {
        announcer.replicaSignal(topic);
    }

    /** PostgreSQL's process id of the connection this engine announces its commits on (-1 while there is none). */
    public long announcingBackend() {
        return announcer.backend();
    }

    /** How often the announcer's thread was woken (tests). */
    long announcerWakeUps() {
        return announcer.wakeUps();
    }

    /** Stops announcing, once what was committed is announced, and closes the reads' pool. */
    @Override
    public void close() {
        announcer.close();
        reads.close();
    }

}

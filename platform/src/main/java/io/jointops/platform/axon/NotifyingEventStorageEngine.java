package io.jointops.platform.axon;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The JDBC storage engine, sending a PostgreSQL {@code NOTIFY} in the transaction that appends events. PostgreSQL
 * delivers it when (and only if) that transaction commits, so the other services' {@link EventStoreWakeUp} read the
 * events as soon as they are visible instead of at their next poll.
 */
public class NotifyingEventStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactionManager;
    private final String channel;

    public NotifyingEventStorageEngine(Builder builder, TransactionManager transactionManager, String channel) {
        super(builder);
        this.transactionManager = transactionManager;
        this.channel = EventStoreWakeUp.requireIdentifier(channel);
    }

    /**
     * The committed events after {@code token}: one query of at most a batch, upcast and deserialized. Unlike
     * {@code readEvents(token, false)}, it does not query again to find out that there is nothing more.
     * The query reads a range of positions (after the token's index, up to a batch further): a read that ends before
     * the end of that range reached the head of the store, one that reaches it may have left events behind.
     */
    StoreEventStream.Batch readBatchAfter(TrackingToken token) {
        List<TrackedEventMessage<?>> events = EventUtils.upcastAndDeserializeTrackedEvents(
                        fetchTrackedEvents(token, batchSize()).stream(), getEventSerializer(), upcasterChain)
                .toList();
        boolean mayHaveMore = !(token == null || token instanceof GapAwareTrackingToken)
                || (!events.isEmpty() && indexOf(events.get(events.size() - 1).trackingToken())
                        >= indexOf(token) + batchSize());
        return new StoreEventStream.Batch(events, mayHaveMore);
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
        // joins the unit of work's transaction. A failed NOTIFY fails the append: PostgreSQL aborts the transaction on
        // any error anyway, and swallowing it hid the cause (a connection PostgreSQL terminated at a shutdown) behind
        // the pool's "Connection is closed" at commit, answered 500 instead of 503 (seen in the crash test)
        transactionManager.executeInTransaction(() -> {
            Connection connection = getConnection();
            try {
                announce(connection);
            } catch (SQLException e) {
                throw new EventStoreException("Could not announce the appended events (NOTIFY " + channel + ")", e);
            } finally {
                JdbcUtils.closeQuietly(connection);
            }
        });
    }

    /** Sends the notification on the appending transaction's connection. */
    void announce(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("NOTIFY " + channel);
        }
    }

}

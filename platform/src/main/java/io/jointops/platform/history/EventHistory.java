package io.jointops.platform.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.axon.EventStoreConfiguration;
import io.jointops.platform.privacy.PersonalDataSerializer;
import io.jointops.platform.security.Caller;
import io.jointops.platform.security.KeycloakRoles;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An item's events as the service reads them: the stored rows upcast through the service's upcaster chain and
 * deserialized by the event serializer, as Axon hands events to handlers ({@link ItemEvent}), with their global
 * positions. A context that shows a reader only some of an item's events decides so on these typed events, in its one
 * visibility policy; {@link #entry} turns an event into what the reader is answered. Callers check that the reader
 * may see the item first.
 * <p>
 * The global position is for ordering and for auditors: a reader of one agency who saw every item's positions could
 * tell from their gaps how much happened elsewhere (issue 15), so entries carry it only for {@code auditor} and
 * {@code notary-signer}.
 */
public class EventHistory {

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Serializer answers;
    private final Supplier<EventUpcaster> upcasters;

    /**
     * @param serializer the event serializer the event store writes with
     * @param upcasters  the service's upcaster chain (Axon's configuration builds it once its upcasters are known)
     */
    public EventHistory(JdbcClient jdbc, Serializer serializer, Supplier<EventUpcaster> upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        // entries show readers the events as handlers see them: personal fields decrypted (docs/privacy.md)
        this.answers = serializer instanceof PersonalDataSerializer personal ? personal.forAnswers() : serializer;
        this.upcasters = upcasters;
    }

    /** Page {@code page} of {@code size} events of the item, every one shown, with the item's event count. */
    public HistoryPage page(String aggregateId, int page, int size, Caller reader) {
        long from = (long) page * size;
        return new HistoryPage(aggregateId, entries(aggregateId, from, from + size - 1, reader), page, size,
                count(aggregateId));
    }

    /** The item's events with sequence {@code from} to {@code to} (inclusive), every one shown whole to {@code reader}. */
    public List<HistoryEntry> entries(String aggregateId, long from, long to, Caller reader) {
        if (to < from) {
            return List.of();
        }
        return events(aggregateId, from, (int) Math.min(to - from + 1, Integer.MAX_VALUE)).stream()
                .map(event -> entry(event, reader)).toList();
    }

    /** All of the item's events (at most {@code limit}), in stream order. */
    public List<ItemEvent> events(String aggregateId, int limit) {
        return events(aggregateId, 0, limit);
    }

    /** The item's events from the {@code offset}-th on, at most {@code limit}, in stream order. */
    public List<ItemEvent> events(String aggregateId, long offset, int limit) {
        List<TrackedDomainEventData<byte[]>> rows = jdbc.sql("""
                        SELECT global_index, event_identifier, aggregate_identifier, type, sequence_number, payload_type,
                               payload_revision, time_stamp, payload, meta_data
                          FROM %s.domain_event_entry
                         WHERE aggregate_identifier = :id
                         ORDER BY sequence_number
                         OFFSET :offset LIMIT :limit""".formatted(EventStoreConfiguration.SCHEMA))
                .param("id", aggregateId)
                .param("offset", offset)
                .param("limit", limit)
                .query(EventHistory::row)
                .list();
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters.get())
                .map(EventHistory::itemEvent)
                .toList();
    }

    public long count(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM %s.domain_event_entry WHERE aggregate_identifier = :id"
                        .formatted(EventStoreConfiguration.SCHEMA))
                .param("id", aggregateId)
                .query(Long.class)
                .single();
    }

    /**
     * The metadata value {@code key} of the item's event {@code sequence}, as stored; empty if there is no such event
     * or it has no such value (e.g. the request hash of a create, which {@code web.ItemResponses} compares on a retry).
     */
    public Optional<String> metaData(String aggregateId, long sequence, String key) {
        return jdbc.sql("""
                        SELECT %1$s.event_meta(meta_data, :key)
                          FROM %1$s.domain_event_entry
                         WHERE aggregate_identifier = :id AND sequence_number = :sequence"""
                        .formatted(EventStoreConfiguration.SCHEMA))
                .param("key", key)
                .param("id", aggregateId)
                .param("sequence", sequence)
                .query(String.class)
                .optional();
    }

    /** {@code event} as {@code reader} is answered it, whole. */
    public HistoryEntry entry(ItemEvent event, Caller reader) {
        return entry(event, event.payload(), reader);
    }

    /**
     * {@code event} as {@code reader} is answered it, with {@code shown} (the event itself, or what its context's
     * visibility policy shows of it, e.g. a withheld stand-in) as payload; the global position only for those who
     * {@link #seesPositions see positions}.
     */
    public HistoryEntry entry(ItemEvent event, Object shown, Caller reader) {
        SerializedType type = event.payload() instanceof UnknownSerializedType unknown ? unknown.serializedType()
                : serializer.typeForClass(event.payload().getClass());
        JsonNode payload = shown instanceof UnknownSerializedType unknown ? unknown.readData(JsonNode.class)
                : answers.serialize(shown, JsonNode.class).getData();
        return new HistoryEntry(seesPositions(reader) ? event.globalPosition() : null, event.sequence(),
                simpleName(type.getName()), type.getRevision(), event.timestamp(),
                event.actor(), event.actorId(), event.agency(), event.correlationId(), event.clientCorrelationId(),
                event.causationId(), payload);
    }

    /** Joint auditors and the agencies' signing systems (which check the log's order anyway) see global positions. */
    public static boolean seesPositions(Caller reader) {
        return reader.hasAnyRole(KeycloakRoles.AUDITOR, KeycloakRoles.NOTARY_SIGNER);
    }

    /** {@code io.jointops.api.cases.CaseOpenedEvent} is answered as {@code CaseOpenedEvent}. */
    private static String simpleName(String typeName) {
        return typeName.substring(Math.max(typeName.lastIndexOf('.'), typeName.lastIndexOf('$')) + 1);
    }

    private static TrackedDomainEventData<byte[]> row(ResultSet row, int rowNumber) throws SQLException {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong("global_index")),
                new GenericDomainEventEntry<>(row.getString("type"), row.getString("aggregate_identifier"),
                        row.getLong("sequence_number"), row.getString("event_identifier"), row.getString("time_stamp"),
                        row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                        row.getBytes("meta_data")));
    }

    private static ItemEvent itemEvent(TrackedEventMessage<?> message) {
        MetaData metaData = message.getMetaData();
        return new ItemEvent(((GlobalSequenceTrackingToken) message.trackingToken()).getGlobalIndex(),
                ((DomainEventMessage<?>) message).getSequenceNumber(), message.getTimestamp(), message.getPayload(),
                text(metaData, AuditMetadata.ACTOR), text(metaData, AuditMetadata.ACTOR_ID),
                text(metaData, AuditMetadata.AGENCY), text(metaData, AuditMetadata.CORRELATION_ID),
                text(metaData, AuditMetadata.CLIENT_CORRELATION_ID), text(metaData, AuditMetadata.CAUSATION_ID));
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}

package io.jointops.platform.axon;

import io.jointops.platform.privacy.ItemRef;
import io.jointops.platform.privacy.JdbcSubjectKeys;
import io.jointops.platform.privacy.PersonalDataSerializer;
import io.jointops.platform.privacy.SubjectKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Axon's statement that appends events (the same columns and order as {@code JdbcEventStorageEngineStatements}),
 * except that each payload is serialized with its item, so that its personal fields are encrypted with their data
 * subjects' keys in that item ({@link PersonalDataSerializer}). The item of an event published without aggregate is
 * the event itself, as Axon stores it.
 * <p>
 * The keys made for an item being created (its first event is in this append: none of its keys can be stored yet)
 * are stored by the statement of the event that needed them, in a CTE ({@link SubjectKeys#takeUnstored}): a create
 * costs one statement, not one for its key and one for its event. A key that is somehow stored already fails the
 * append on the keys' unique index, as a concurrent create of the item fails on the events'.
 */
final class PersonalDataAppend implements AppendEventsStatementBuilder {

    private final String keyTable;

    /** {@code keyTable}: where the data subjects' keys are ({@link JdbcSubjectKeys#table}). */
    PersonalDataAppend(String keyTable) {
        this.keyTable = keyTable;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        PersonalDataSerializer personal = serializer instanceof PersonalDataSerializer p ? p : null;
        String insertEvent = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields()
                + ") VALUES (?,?,?,?,?,?,?,?,?)";
        PreparedStatement statement = connection.prepareStatement(personal == null ? insertEvent
                : "WITH new_key AS (INSERT INTO " + keyTable + " (key_id, subject_ref, item_id, item_type, agency,"
                + " data_key, wrapped_by) SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::bytea[], ?::text[])) " + insertEvent);
        Set<String> created = new HashSet<>();
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
            if (event.getSequenceNumber() == 0) {
                created.add(event.getAggregateIdentifier());
            }
            int column = 1;
            SerializedObject<?> payload;
            if (personal == null) {
                payload = event.serializePayload(serializer, dataType);
            } else {
                payload = personal.serialize(event.getPayload(), dataType, new ItemRef(event.getAggregateIdentifier(),
                        event.getType(), agency(event), created.contains(event.getAggregateIdentifier())));
                column = bindKeys(statement, connection, personal.personalData().takeUnstoredKeys());
            }
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            statement.setString(column, event.getIdentifier());
            statement.setString(column + 1, event.getAggregateIdentifier());
            statement.setLong(column + 2, event.getSequenceNumber());
            statement.setString(column + 3, event.getType());
            timestampWriter.writeTimestamp(statement, column + 4, event.getTimestamp());
            statement.setString(column + 5, payload.getType().getName());
            statement.setString(column + 6, payload.getType().getRevision());
            statement.setObject(column + 7, payload.getData());
            statement.setObject(column + 8, metaData.getData());
            statement.addBatch();
        }
        return statement;
    }

    /** Binds the CTE's columns of {@code keys} (none, for most events); answers the next parameter's index. */
    private static int bindKeys(PreparedStatement statement, Connection connection, List<SubjectKeys.Unstored> keys)
            throws SQLException {
        statement.setArray(1, connection.createArrayOf("uuid", keys.stream().map(SubjectKeys.Unstored::id).toArray()));
        statement.setArray(2, connection.createArrayOf("text", keys.stream().map(SubjectKeys.Unstored::subjectRef)
                .toArray()));
        statement.setArray(3, connection.createArrayOf("text", keys.stream().map(k -> k.item().itemId()).toArray()));
        statement.setArray(4, connection.createArrayOf("text", keys.stream().map(k -> k.item().itemType()).toArray()));
        statement.setArray(5, connection.createArrayOf("text", keys.stream().map(k -> k.item().agency()).toArray()));
        statement.setArray(6, connection.createArrayOf("bytea", keys.stream().map(SubjectKeys.Unstored::data)
                .toArray(byte[][]::new)));
        statement.setArray(7, connection.createArrayOf("text", keys.stream().map(SubjectKeys.Unstored::wrappedBy)
                .toArray()));
        return 8;
    }

    private static String agency(DomainEventMessage<?> event) {
        Object agency = event.getMetaData().get("agency");
        return agency == null ? null : agency.toString();
    }
}

package io.jointops.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointops.platform.axon.EventStoreConfiguration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are stored forever: each stored revision has a golden JSON file under the service's
 * {@code src/test/resources/events/}. The service must write new events exactly so, and must still read the golden
 * file, or an upcaster is due.
 * <p>
 * A service's Spring test takes it with {@code @Import(GoldenEvents.class)} and {@code @Autowired GoldenEvents golden}.
 */
public final class GoldenEvents {

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;
    private final Serializer eventSerializer;

    public GoldenEvents(JdbcClient jdbc, ObjectMapper objectMapper, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.eventSerializer = eventSerializer;
    }

    /** The stored payload equals the golden file, but for the generated id in {@code idField}. */
    public void assertStoredAsGolden(String aggregateId, long sequence, String golden, String idField) throws IOException {
        byte[] stored = jdbc.sql("""
                        SELECT payload FROM %s.domain_event_entry
                         WHERE aggregate_identifier = :id AND sequence_number = :sequence"""
                        .formatted(EventStoreConfiguration.SCHEMA))
                .param("id", aggregateId).param("sequence", sequence)
                .query(byte[].class).single();
        JsonNode expected = objectMapper.readTree(bytes(golden));
        ObjectNode actual = (ObjectNode) objectMapper.readTree(stored);
        assertThat(actual.path(idField).asText()).isEqualTo(aggregateId);
        actual.set(idField, expected.get(idField));
        assertThat(actual).isEqualTo(expected);
    }

    /**
     * Stores the golden file as the next event of {@code aggregateId}, as the version of the service that wrote that
     * revision stored it (payload and revision as in the file; {@code idField} set to the aggregate's id; the audit
     * metadata given), and announces it as every append is announced, so processors read it. For tests that an old
     * stored revision still reads, and is still shown only to whom it may be. Answers the event's sequence.
     */
    public long storeAsNext(String aggregateId, String aggregateType, String golden, Class<?> type, String revision,
                            String idField, Map<String, String> metaData) throws IOException {
        ObjectNode payload = (ObjectNode) objectMapper.readTree(bytes(golden));
        payload.put(idField, aggregateId);
        long sequence = jdbc.sql("SELECT count(*) FROM %s.domain_event_entry WHERE aggregate_identifier = :id"
                        .formatted(EventStoreConfiguration.SCHEMA))
                .param("id", aggregateId).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO %s.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                               type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (:event, :id, :sequence, :aggregateType, :at, :payloadType, :revision, :payload, :meta)"""
                        .formatted(EventStoreConfiguration.SCHEMA))
                .param("event", UUID.randomUUID().toString())
                .param("id", aggregateId)
                .param("sequence", sequence)
                .param("aggregateType", aggregateType)
                .param("at", Instant.now().toString())
                .param("payloadType", type.getName())
                .param("revision", revision)
                .param("payload", objectMapper.writeValueAsBytes(payload))
                .param("meta", objectMapper.writeValueAsBytes(metaData))
                .update();
        // as NotifyingEventStorageEngine announces an append: the processors of this type read it now
        jdbc.sql("SELECT pg_notify('jointops_events', :type)").param("type", type.getName()).query().listOfRows();
        return sequence;
    }

    /** Reads the golden file as the event store would hand it to a handler. */
    public <T> T read(String golden, Class<T> type, String revision) {
        return eventSerializer.deserialize(
                new SimpleSerializedObject<>(bytes(golden), byte[].class, type.getName(), revision));
    }

    private static byte[] bytes(String golden) {
        try (InputStream in = GoldenEvents.class.getResourceAsStream("/events/" + golden)) {
            assertThat(in).as("golden file events/" + golden).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

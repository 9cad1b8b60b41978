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

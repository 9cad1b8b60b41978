package io.jointops.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointops.platform.axon.EventStoreConfiguration;
import io.jointops.platform.privacy.ItemRef;
import io.jointops.platform.privacy.PersonalData;
import io.jointops.platform.privacy.PersonalDataSerializer;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

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

    /**
     * The stored payload equals the golden file, but for the generated id in {@code idField}, once its personal fields
     * are decrypted; and each personal field the golden file fills is stored only as an envelope (docs/privacy.md).
     */
    public void assertStoredAsGolden(String aggregateId, long sequence, String golden, String idField) throws IOException {
        Map<String, Object> row = jdbc.sql("""
                        SELECT payload, payload_type FROM %s.domain_event_entry
                         WHERE aggregate_identifier = :id AND sequence_number = :sequence"""
                        .formatted(EventStoreConfiguration.SCHEMA))
                .param("id", aggregateId).param("sequence", sequence)
                .query().singleRow();
        assertPayloadAsGolden((byte[]) row.get("payload"), (String) row.get("payload_type"), golden, idField,
                aggregateId);
    }

    /**
     * {@code stored}, a payload of {@code payloadType} as the event store holds it, equals the golden file but for the
     * id in {@code idField} (which must be {@code expectedId}, unless that is null) once its personal fields are
     * decrypted; and each personal field the golden file fills is stored only as an envelope (docs/privacy.md).
     */
    public void assertPayloadAsGolden(byte[] stored, String payloadType, String golden, String idField,
                                      String expectedId) throws IOException {
        JsonNode expected = objectMapper.readTree(bytes(golden));
        ObjectNode json = (ObjectNode) objectMapper.readTree(stored);
        assertEncrypted(ClassUtils.resolveClassName(payloadType, getClass().getClassLoader()), expected, json, golden);
        ObjectNode actual = opened(json);
        if (expectedId != null) {
            assertThat(actual.path(idField).asText()).isEqualTo(expectedId);
        }
        actual.set(idField, expected.get(idField));
        assertThat(actual).isEqualTo(expected);
    }

    /**
     * {@code event} as the event store writes it (in an item of its own), decrypted again: to compare with its golden
     * file. Each personal field it fills must have been written as an envelope only.
     */
    public JsonNode written(Object event) throws IOException {
        PersonalDataSerializer serializer = (PersonalDataSerializer) eventSerializer;
        JsonNode plain = objectMapper.readTree(serializer.forAnswers().serialize(event, byte[].class).getData());
        ObjectNode stored = (ObjectNode) objectMapper.readTree(serializer.serialize(event, byte[].class,
                new ItemRef("golden-" + UUID.randomUUID(), "GoldenEvents", null)).getData());
        assertEncrypted(event.getClass(), plain, stored, event.getClass().getSimpleName());
        return opened(stored);
    }

    /** A stored payload with its personal fields decrypted. */
    public ObjectNode opened(byte[] stored) throws IOException {
        return opened((ObjectNode) objectMapper.readTree(stored));
    }

    private ObjectNode opened(ObjectNode stored) {
        return (ObjectNode) ((PersonalDataSerializer) eventSerializer).personalData().decrypt(stored);
    }

    /** Each personal field of {@code type} that {@code plain} fills is no text in {@code stored}: an envelope. */
    private static void assertEncrypted(Class<?> type, JsonNode plain, JsonNode stored, String what) {
        for (String path : PersonalData.paths(type)) {
            for (JsonNode value : at(plain, path)) {
                if (value.isTextual()) {
                    assertThat(at(stored, path)).as("personal field %s of %s, stored", path, what)
                            .noneMatch(JsonNode::isTextual);
                }
            }
        }
    }

    /** The nodes at a path of {@link PersonalData#paths} ({@code parties[].name}) in {@code json}. */
    private static List<JsonNode> at(JsonNode json, String path) {
        List<JsonNode> nodes = List.of(json);
        for (String step : path.split("\\.")) {
            boolean many = step.endsWith("[]");
            String name = many ? step.substring(0, step.length() - 2) : step;
            nodes = nodes.stream().map(node -> node.path(name))
                    .flatMap(node -> many && node.isArray() ? StreamSupport.stream(node.spliterator(), false)
                            : java.util.stream.Stream.of(node))
                    .toList();
        }
        return nodes;
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

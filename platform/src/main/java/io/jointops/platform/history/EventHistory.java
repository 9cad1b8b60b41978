package io.jointops.platform.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.axon.EventStoreConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads an item's events straight from the event store, as stored (payload and metadata are JSON written by the
 * Jackson serializer), with their global positions. Callers check visibility first.
 */
public class EventHistory {

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    public EventHistory(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** Page {@code page} of {@code size} events of the item, with the item's event count. */
    public HistoryPage page(String aggregateId, int page, int size) {
        long total = count(aggregateId);
        return new HistoryPage(aggregateId, of(aggregateId, (long) page * size, size), page, size, total);
    }

    public List<HistoryEntry> of(String aggregateId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT global_index, sequence_number, payload_type, payload_revision, time_stamp, payload, meta_data
                          FROM %s.domain_event_entry
                         WHERE aggregate_identifier = :id
                         ORDER BY sequence_number
                         OFFSET :offset LIMIT :limit""".formatted(EventStoreConfiguration.SCHEMA))
                .param("id", aggregateId)
                .param("offset", offset)
                .param("limit", limit)
                .query(this::entry)
                .list();
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

    /** One row of {@code domain_event_entry} (global_index, sequence_number, payload_type, payload_revision, time_stamp, payload, meta_data). */
    HistoryEntry entry(ResultSet row, int rowNumber) throws SQLException {
        String payloadType = row.getString("payload_type");
        JsonNode metaData = json(row.getBytes("meta_data"));
        return new HistoryEntry(
                row.getLong("global_index"),
                row.getLong("sequence_number"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1),
                row.getString("payload_revision"),
                Instant.parse(row.getString("time_stamp")),
                text(metaData, AuditMetadata.ACTOR),
                text(metaData, AuditMetadata.ACTOR_ID),
                text(metaData, AuditMetadata.AGENCY),
                text(metaData, AuditMetadata.CORRELATION_ID),
                text(metaData, AuditMetadata.CAUSATION_ID),
                json(row.getBytes("payload")));
    }

    private JsonNode json(byte[] bytes) {
        if (bytes == null) {
            return NullNode.getInstance();
        }
        try {
            return objectMapper.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

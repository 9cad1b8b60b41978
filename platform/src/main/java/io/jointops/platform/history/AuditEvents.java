package io.jointops.platform.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.axon.EventStoreConfiguration;
import io.jointops.platform.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global audit query: events of every service, filtered, in global order, paged by position (keyset: a page
 * starts after the last position of the one before, so pages never shift while events are appended). Each filter
 * has an index ({@code db/eventstore/V10__audit_query_indexes.sql}); the expressions here must stay the indexed ones.
 * An event whose position was allocated but not yet committed when a page was read can appear behind that page's
 * last position later: a reader following the head should re-read the last seconds.
 * <p>
 * Entries are the events as stored (not upcast, unfiltered): what the log holds, for auditors only. Items' histories,
 * which readers of the agencies see filtered, read typed events ({@link EventHistory}).
 */
public class AuditEvents {

    private static final String TABLE = EventStoreConfiguration.SCHEMA + ".domain_event_entry";
    private static final String META = EventStoreConfiguration.SCHEMA + ".event_meta(meta_data, '%s')";

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;
    private final PersonalData personalData;

    /**
     * @param personalData opens the personal fields of the payloads for the auditors who read them (or answers
     *                     {@code [erased]}); the stored bytes, exports and the notary keep the ciphertext
     */
    public AuditEvents(JdbcClient jdbc, ObjectMapper objectMapper, PersonalData personalData) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.personalData = personalData;
    }

    /** Up to {@code size} events matching {@code query}, with a global position above {@code after}. */
    public AuditPage find(AuditQuery query, long after, int size) {
        List<String> where = new ArrayList<>(List.of("global_index > :after"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("after", after);
        params.put("size", size);
        if (query.from() != null) {
            where.add(EventStoreConfiguration.SCHEMA + ".event_time(time_stamp) >= :from");
            params.put("from", query.from().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            where.add(EventStoreConfiguration.SCHEMA + ".event_time(time_stamp) < :to");
            params.put("to", query.to().atOffset(ZoneOffset.UTC));
        }
        meta(where, params, AuditMetadata.AGENCY, "agency", query.agency());
        meta(where, params, AuditMetadata.ACTOR, "actor", query.actor());
        meta(where, params, AuditMetadata.CORRELATION_ID, "correlationId", query.correlationId());
        if (query.itemType() != null) {
            where.add("type = :itemType");
            params.put("itemType", query.itemType());
        }
        List<AuditEntry> events = jdbc.sql("""
                        SELECT global_index, aggregate_identifier, type, sequence_number, payload_type, payload_revision,
                               time_stamp, payload, meta_data
                          FROM %s
                         WHERE %s
                         ORDER BY global_index
                         LIMIT :size""".formatted(TABLE, String.join(" AND ", where)))
                .params(params)
                .query(this::entry)
                .list();
        Long next = events.size() < size ? null : events.get(events.size() - 1).globalPosition();
        return new AuditPage(events, size, next);
    }

    /**
     * One row as stored: payload and metadata are the JSON the Jackson serializer wrote, the payload's personal fields
     * decrypted (docs/privacy.md).
     */
    private AuditEntry entry(ResultSet row, int rowNumber) throws SQLException {
        String payloadType = row.getString("payload_type");
        JsonNode metaData = json(row.getBytes("meta_data"));
        return new AuditEntry(
                row.getString("aggregate_identifier"),
                row.getString("type"),
                row.getLong("global_index"),
                row.getLong("sequence_number"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1),
                row.getString("payload_revision"),
                Instant.parse(row.getString("time_stamp")),
                text(metaData, AuditMetadata.ACTOR),
                text(metaData, AuditMetadata.ACTOR_ID),
                text(metaData, AuditMetadata.AGENCY),
                text(metaData, AuditMetadata.CORRELATION_ID),
                text(metaData, AuditMetadata.CLIENT_CORRELATION_ID),
                text(metaData, AuditMetadata.CAUSATION_ID),
                personalData.decrypt(json(row.getBytes("payload"))));
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

    private static void meta(List<String> where, Map<String, Object> params, String key, String param, String value) {
        if (value != null) {
            where.add(META.formatted(key) + " = :" + param);
            params.put(param, value);
        }
    }
}

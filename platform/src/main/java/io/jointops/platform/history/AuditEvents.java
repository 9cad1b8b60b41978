package io.jointops.platform.history;

import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.axon.EventStoreConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

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
 */
public class AuditEvents {

    private static final String TABLE = EventStoreConfiguration.SCHEMA + ".domain_event_entry";
    private static final String META = EventStoreConfiguration.SCHEMA + ".event_meta(meta_data, '%s')";

    private final JdbcClient jdbc;
    private final EventHistory history;

    public AuditEvents(JdbcClient jdbc, EventHistory history) {
        this.jdbc = jdbc;
        this.history = history;
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
                .query((row, n) -> AuditEntry.of(row.getString("aggregate_identifier"), row.getString("type"),
                        history.entry(row, n)))
                .list();
        Long next = events.size() < size ? null : events.get(events.size() - 1).globalPosition();
        return new AuditPage(events, size, next);
    }

    private static void meta(List<String> where, Map<String, Object> params, String key, String param, String value) {
        if (value != null) {
            where.add(META.formatted(key) + " = :" + param);
            params.put(param, value);
        }
    }
}

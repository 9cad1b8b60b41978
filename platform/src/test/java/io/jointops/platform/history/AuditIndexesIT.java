package io.jointops.platform.history;

import io.jointops.platform.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's audit indexes (by correlation id, agency, actor, item type, time) and the two functions they
 * index: the functions read what Axon stores (UTF-8 JSON metadata, names in any script; ISO instants), and the audit
 * queries, written with the same calls, are answered from the indexes.
 */
class AuditIndexesIT {

    static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        jdbc = JdbcClient.create(TestDatabase.ownDatabase("audit_indexes", true));
        for (int i = 0; i < 2_000; i++) {
            store("corr-" + i, i % 2 == 0 ? "US-DEA" : "CN-NNCC", "user-" + (i % 50), Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i));
        }
        store("corr-zh", "CN-NNCC", "张伟", Instant.parse("2026-03-02T08:30:00.123Z"));
        jdbc.sql("ANALYZE eventstore.domain_event_entry").update();
    }

    @Test
    void theFunctionsReadTheStoredMetadataAndInstant() {
        List<Object> read = jdbc.sql("""
                        SELECT eventstore.event_meta(meta_data, 'actor'), eventstore.event_meta(meta_data, 'agency'),
                               eventstore.event_meta(meta_data, 'absent'), eventstore.event_time(time_stamp)
                        FROM eventstore.domain_event_entry WHERE eventstore.event_meta(meta_data, 'correlationId') = 'corr-zh'""")
                .query((rs, n) -> List.<Object>of(rs.getString(1), rs.getString(2), String.valueOf(rs.getString(3)),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .single();
        assertThat(read).containsExactly("张伟", "CN-NNCC", "null", Instant.parse("2026-03-02T08:30:00.123Z"));
    }

    @Test
    void theAuditQueriesAreAnsweredFromTheirIndexes() {
        assertThat(plan("eventstore.event_meta(meta_data, 'correlationId') = 'corr-7'"))
                .contains("domain_event_entry_correlation_id");
        assertThat(plan("eventstore.event_meta(meta_data, 'actor') = '张伟'")).contains("domain_event_entry_actor");
        assertThat(plan("eventstore.event_time(time_stamp) >= '2026-03-02T00:00:00Z'")).contains("domain_event_entry_time");
        assertThat(jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry"
                        + " WHERE eventstore.event_meta(meta_data, 'agency') = 'US-DEA'")
                .query(Long.class).single()).isEqualTo(1_000);
    }

    private static String plan(String condition) {
        return String.join("\n", jdbc.sql("EXPLAIN SELECT global_index FROM eventstore.domain_event_entry WHERE " + condition)
                .query(String.class).list());
    }

    private static void store(String correlationId, String agency, String actor, Instant at) {
        String metaData = "{\"actor\":\"" + actor + "\",\"agency\":\"" + agency + "\",\"correlationId\":\"" + correlationId + "\"}";
        jdbc.sql("""
                        INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                                type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (:id, :item, 0, 'Thing', :at, 'Noted', NULL, :payload, :meta)""")
                .param("id", UUID.randomUUID().toString())
                .param("item", UUID.randomUUID().toString())
                .param("at", at.toString())
                .param("payload", "{}".getBytes(StandardCharsets.UTF_8))
                .param("meta", metaData.getBytes(StandardCharsets.UTF_8))
                .update();
    }
}

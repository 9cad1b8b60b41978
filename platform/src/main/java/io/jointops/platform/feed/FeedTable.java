package io.jointops.platform.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service's part of the partner feed, in its own schema ({@code db/processing/R__partner_feed.sql}):
 * {@code partner_feed} holds one row per event and agency it goes to, numbered by {@code position} in the order the
 * feed's one processor wrote them; {@code partner_feed_audience} the agencies each item's rows have been written for.
 * A batch is written in one statement, its rows passed as a JSON array.
 */
final class FeedTable {

    /** One row of the feed: event {@code sequence} of item {@code itemId} (of kind {@code itemType}) for {@code agency}. */
    record Row(String agency, String itemType, String itemId, long sequence) {
    }

    /**
     * A row as read, with its position and the time it was written; {@code notice} for a row that is no event of the
     * item but a notice about it (an erasure), else null.
     */
    record Stored(long position, String itemType, String itemId, long sequence, Instant recordedAt, JsonNode notice) {

        Stored(long position, String itemType, String itemId, long sequence, Instant recordedAt) {
            this(position, itemType, itemId, sequence, recordedAt, null);
        }
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    FeedTable(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The agencies rows have been written for, by item, of the items given. */
    Map<String, Set<String>> audiences(Collection<String> itemIds) {
        Map<String, Set<String>> audiences = new HashMap<>();
        if (itemIds.isEmpty()) {
            return audiences;
        }
        jdbc.sql("SELECT item_id, agency FROM partner_feed_audience WHERE item_id IN (:ids)")
                .param("ids", itemIds)
                .query((row, n) -> audiences.computeIfAbsent(row.getString("item_id"), id -> new HashSet<>())
                        .add(row.getString("agency")))
                .list();
        return audiences;
    }

    /**
     * Writes a batch in one statement: appends the rows in the order given, positions following that order, the
     * transaction's time as {@code recorded_at} (a row already there for the agency, a redelivery or an item shown to it
     * again, is skipped), and records that the items' rows now go to ({@code added}) or no longer go to
     * ({@code removed}) the agencies given.
     */
    void write(List<Row> rows, Map<String, Set<String>> added, Map<String, Set<String>> removed) {
        if (rows.isEmpty() && added.isEmpty() && removed.isEmpty()) {
            return;
        }
        ArrayNode array = json.createArrayNode();
        for (Row row : rows) {
            array.addObject().put("agency", row.agency()).put("kind", row.itemType()).put("item", row.itemId())
                    .put("sequence", row.sequence());
        }
        jdbc.sql("""
                        WITH appended AS (
                            INSERT INTO partner_feed (agency, item_kind, item_id, sequence, recorded_at)
                            SELECT r.value->>'agency', r.value->>'kind', r.value->>'item', (r.value->>'sequence')::bigint,
                                   now()
                              FROM jsonb_array_elements(CAST(:rows AS jsonb)) WITH ORDINALITY AS r(value, n)
                             ORDER BY r.n
                            ON CONFLICT (agency, item_id, sequence) DO NOTHING
                            RETURNING 1),
                        gained AS (
                            INSERT INTO partner_feed_audience (item_id, agency)
                            SELECT r->>'item', r->>'agency' FROM jsonb_array_elements(CAST(:added AS jsonb)) r
                            ON CONFLICT DO NOTHING
                            RETURNING 1),
                        lost AS (
                            DELETE FROM partner_feed_audience a
                             USING jsonb_array_elements(CAST(:removed AS jsonb)) r
                             WHERE a.item_id = r->>'item' AND a.agency = r->>'agency'
                            RETURNING 1)
                        SELECT (SELECT count(*) FROM appended), (SELECT count(*) FROM gained), (SELECT count(*) FROM lost)""")
                .param("rows", array.toString())
                .param("added", pairs(added))
                .param("removed", pairs(removed))
                .query((row, n) -> n)
                .list();
    }

    /** Up to {@code limit} of {@code agency}'s rows after {@code after}, in position order. */
    List<Stored> after(String agency, long after, int limit) {
        return jdbc.sql("""
                        SELECT position, item_kind, item_id, sequence, recorded_at, notice FROM partner_feed
                         WHERE agency = :agency AND position > :after ORDER BY position LIMIT :limit""")
                .param("agency", agency)
                .param("after", after)
                .param("limit", limit)
                .query((row, n) -> new Stored(row.getLong("position"), row.getString("item_kind"),
                        row.getString("item_id"), row.getLong("sequence"),
                        row.getObject("recorded_at", OffsetDateTime.class).toInstant(), notice(row.getString("notice"))))
                .list();
    }

    /**
     * Writes an erasure's notice onto the feed of every agency that got events of an erased item ({@code itemIds},
     * those of this service's items): one row per item and agency, in one statement, {@code notice} with the item
     * as its payload's {@code itemIds}. The agencies are found by the index of agency and item: one probe per agency the feed has, then per
     * item (an erasure is rare; the feed's writes need no index of items alone). Written again (a redelivery), the
     * rows are skipped.
     *
     * @param sequence the rows' sequence, below zero: one per erasure
     * @return how many rows were written
     */
    int notices(Collection<String> itemIds, long sequence, Map<String, Object> notice) {
        if (itemIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        WITH RECURSIVE agencies AS (
                            SELECT min(agency) AS agency FROM partner_feed
                            UNION ALL
                            SELECT (SELECT min(f.agency) FROM partner_feed f WHERE f.agency > a.agency)
                              FROM agencies a WHERE a.agency IS NOT NULL),
                        saw AS (
                            SELECT DISTINCT ON (f.agency, f.item_id) f.agency, f.item_kind, f.item_id
                              FROM agencies a JOIN partner_feed f ON f.agency = a.agency
                             WHERE f.item_id IN (:items) AND f.sequence >= 0)
                        INSERT INTO partner_feed (agency, item_kind, item_id, sequence, recorded_at, notice)
                        SELECT agency, item_kind, item_id, :sequence, now(),
                               jsonb_set(CAST(:notice AS jsonb), '{payload,itemIds}', jsonb_build_array(item_id))
                          FROM saw ORDER BY item_id, agency
                        ON CONFLICT (agency, item_id, sequence) DO NOTHING""")
                .param("items", itemIds)
                .param("sequence", sequence)
                .param("notice", json.valueToTree(notice).toString())
                .update();
    }

    private JsonNode notice(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readTree(stored);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored notice of the partner feed is no JSON", e);
        }
    }

    /** {@code agency}'s row of event {@code sequence} of item {@code itemId}, if the event went onto its feed. */
    java.util.Optional<Stored> row(String agency, String itemId, long sequence) {
        return jdbc.sql("""
                        SELECT position, item_kind, item_id, sequence, recorded_at FROM partner_feed
                         WHERE agency = :agency AND item_id = :item AND sequence = :sequence""")
                .param("agency", agency)
                .param("item", itemId)
                .param("sequence", sequence)
                .query((row, n) -> new Stored(row.getLong("position"), row.getString("item_kind"),
                        row.getString("item_id"), row.getLong("sequence"),
                        row.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private String pairs(Map<String, Set<String>> agenciesByItem) {
        ArrayNode array = json.createArrayNode();
        agenciesByItem.forEach((item, agencies) -> agencies.forEach(agency ->
                array.addObject().put("item", item).put("agency", agency)));
        return array.toString();
    }
}

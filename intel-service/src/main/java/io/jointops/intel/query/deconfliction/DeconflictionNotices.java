package io.jointops.intel.query.deconfliction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.deconfliction.DeconflictionMatch;
import io.jointops.api.deconfliction.ItemRef;
import io.jointops.platform.query.Page;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** An agency's deconfliction notices, most recently changed first; auditors read every agency's. */
@Component
public class DeconflictionNotices {

    private static final TypeReference<List<DeconflictionMatch>> MATCHES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ViewReplays replays;
    private final ObjectMapper json;

    DeconflictionNotices(JdbcClient jdbc, ViewReplays replays, ObjectMapper json) {
        this.jdbc = jdbc;
        this.replays = replays;
        this.json = json;
    }

    /** @param agency the told agency; {@code null} (auditors) lists every agency's */
    public Page<Notice> of(String agency, int page, int size) {
        replays.requireServing(DeconflictionNoticeProjector.PROCESSING_GROUP);
        String where = agency == null ? "" : " WHERE agency = :agency";
        var count = jdbc.sql("SELECT count(*) FROM deconfliction_notice" + where);
        var select = jdbc.sql("SELECT notice_id, agency, item_context, item_type, item_id, other_agency, contact,"
                + " matches::text AS matches, issued_at, updated_at FROM deconfliction_notice" + where
                + " ORDER BY updated_at DESC, notice_id" + Page.rows(page, size));
        if (agency != null) {
            count = count.param("agency", agency);
            select = select.param("agency", agency);
        }
        long total = count.query(Long.class).single();
        List<Notice> items = select
                .query((row, n) -> new Notice(row.getString("notice_id"), row.getString("agency"),
                        new ItemRef(row.getString("item_context"), row.getString("item_type"), row.getString("item_id")),
                        row.getString("other_agency"), row.getString("contact"), read(row.getString("matches")),
                        row.getObject("issued_at", OffsetDateTime.class).toInstant(),
                        row.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .list();
        return Page.of(items, page, size, total);
    }

    private List<DeconflictionMatch> read(String matches) {
        try {
            return json.readValue(matches, MATCHES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The told agency's item names identifiers that an item of {@code otherAgency} names too: which of its own, how
     * each matched, and whom to call. Nothing of the other agency's item.
     *
     * @param item         the told agency's own item
     * @param otherAgency  the agency that holds a match
     * @param contact      its deconfliction point of contact
     * @param matches      the own identifiers that match, each with its rule and strength ({@code similar}: a lead
     *                     to check, e.g. a name in Chinese characters and a pinyin spelling, not an identification)
     */
    public record Notice(String id, String agency, ItemRef item, String otherAgency, String contact,
                         List<DeconflictionMatch> matches, Instant issuedAt, Instant updatedAt) {
    }
}

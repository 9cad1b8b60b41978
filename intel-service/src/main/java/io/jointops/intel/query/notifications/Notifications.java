package io.jointops.intel.query.notifications;

import io.jointops.identifiers.MatchRule;
import io.jointops.platform.query.Page;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** Lists what owners of hidden hits were told: who searched for an entity their reports name ({@link HiddenHitNotices}). */
@Component
public class Notifications {

    private final JdbcClient jdbc;
    private final ViewReplays replays;

    Notifications(JdbcClient jdbc, ViewReplays replays) {
        this.jdbc = jdbc;
        this.replays = replays;
    }

    /** @param agency the owner agency; {@code null} (auditors) lists every agency's */
    public Page<Notification> of(String agency, int page, int size) {
        replays.requireServing(NotificationProjector.PROCESSING_GROUP);
        String where = agency == null ? "" : " WHERE owner_agency = :agency";
        var count = jdbc.sql("SELECT count(*) FROM intel_notification" + where);
        var select = jdbc.sql("SELECT * FROM intel_notification" + where
                + " ORDER BY noted_at DESC, event_id" + Page.rows(page, size));
        if (agency != null) {
            count = count.param("agency", agency);
            select = select.param("agency", agency);
        }
        long total = count.query(Long.class).single();
        List<Notification> items = select
                .query((row, n) -> new Notification(row.getString("event_id"), row.getString("owner_agency"),
                        row.getString("report_id"), row.getString("searching_agency"), row.getString("searcher"),
                        row.getString("entity_type"), row.getString("normalised"), row.getString("rule"),
                        MatchRule.ofId(row.getString("rule")).strength().name().toLowerCase(Locale.ROOT),
                        row.getObject("noted_at", OffsetDateTime.class).toInstant()))
                .list();
        return Page.of(items, page, size, total);
    }

    /**
     * Someone of {@code searchingAgency} searched for an entity that the owner's report {@code reportId} names.
     *
     * @param rule     how the searched entity matched the report's ({@code exact}, {@code e164}, {@code pinyin}, ...)
     * @param strength {@code exact}, {@code equivalent} or {@code similar}: a similar match (pinyin, name order,
     *                 accents) may name another person or company
     */
    public record Notification(String id, String ownerAgency, String reportId, String searchingAgency,
                               String searcher, String entityType, String normalised, String rule, String strength,
                               Instant at) {
    }
}

package io.jointops.intel.query.watchlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.deconfliction.ItemRef;
import io.jointops.platform.query.ItemEvents;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.replay.ViewReplays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reads an agency's watchlist and its alerts (auditors: every agency's). */
@Component
public class WatchlistViews implements ItemViews<WatchlistView> {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ItemEvents events;
    private final ViewReplays replays;

    WatchlistViews(JdbcClient jdbc, ObjectMapper json, ItemEvents events, ViewReplays replays) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.replays = replays;
    }

    /** @param agency the caller's agency; {@code null} means unrestricted (joint auditors) */
    @Override
    public Optional<WatchlistView> find(String watchlistId, String agency) {
        replays.requireServing(WatchlistProjector.PROCESSING_GROUP);
        return read(jdbc, json, watchlistId).filter(view -> agency == null || view.visibleTo(agency));
    }

    @Override
    public Optional<WatchlistView> asOf(String watchlistId, Instant asOf, String agency) {
        return WatchlistViewFold.fold(events.until(watchlistId, asOf))
                .filter(view -> agency == null || view.visibleTo(agency));
    }

    @Override
    public Optional<WatchlistView> awaitVersion(String watchlistId, long version, Duration timeout) {
        return ReadYourWrites.awaitVersion(watchlistId, version, () -> read(jdbc, json, watchlistId),
                WatchlistView::version, timeout);
    }

    /** The entries of {@code agency}'s watchlist, newest first; none before its first entry. */
    public List<WatchlistView.Entry> entries(String watchlistId, String agency) {
        return find(watchlistId, agency).map(WatchlistView::entries).orElse(List.of());
    }

    /** @param agency the watchlist's agency; {@code null} (auditors) lists every agency's alerts */
    public Page<Alert> alerts(String agency, int page, int size) {
        replays.requireServing(WatchlistProjector.PROCESSING_GROUP);
        String where = agency == null ? "" : " WHERE agency = :agency";
        var count = jdbc.sql("SELECT count(*) FROM watchlist_alert" + where);
        var select = jdbc.sql("SELECT * FROM watchlist_alert" + where
                + " ORDER BY raised_at DESC, alert_id" + Page.rows(page, size));
        if (agency != null) {
            count = count.param("agency", agency);
            select = select.param("agency", agency);
        }
        long total = count.query(Long.class).single();
        List<Alert> items = select
                .query((row, n) -> new Alert(row.getString("alert_id"), row.getString("agency"),
                        row.getString("entry_id"), row.getString("kind"), row.getString("entry_value"),
                        new ItemRef(row.getString("item_context"), row.getString("item_type"), row.getString("item_id")),
                        row.getString("path"), row.getString("value"), row.getString("rule"), row.getString("strength"),
                        row.getObject("raised_at", OffsetDateTime.class).toInstant()))
                .list();
        return Page.of(items, page, size, total);
    }

    static Optional<WatchlistView> read(JdbcClient jdbc, ObjectMapper json, String watchlistId) {
        return jdbc.sql("SELECT doc FROM watchlist_view WHERE watchlist_id = :id").param("id", watchlistId)
                .query(String.class).optional().map(doc -> {
                    try {
                        return json.readValue(doc, WatchlistView.class);
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * An item released to the agency names an entry of its watchlist.
     *
     * @param item     the item (its context, aggregate type and id), which the agency may read
     * @param path     where the item's event names it
     * @param value    the item's value, as written there
     * @param rule     how it matched ({@code exact}, {@code e164}, {@code pinyin}, ...)
     * @param strength {@code exact}, {@code equivalent} or {@code similar}: a similar match is a lead, not an
     *                 identification (many Chinese names share one pinyin spelling)
     */
    public record Alert(String id, String agency, String entryId, String kind, String entryValue, ItemRef item,
                        String path, String value, String rule, String strength, Instant raisedAt) {
    }
}

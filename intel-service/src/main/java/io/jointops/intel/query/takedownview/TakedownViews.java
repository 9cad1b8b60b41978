package io.jointops.intel.query.takedownview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads takedown requests for one agency (auditors: all), and their statistics per platform. */
@Component
public class TakedownViews implements ItemViews<TakedownView> {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ItemEvents events;
    private final ViewReplays replays;

    TakedownViews(JdbcClient jdbc, ObjectMapper json, ItemEvents events, ViewReplays replays) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.replays = replays;
    }

    /** @param agency the caller's agency; {@code null} means unrestricted (joint auditors) */
    public Optional<TakedownView> find(String takedownId, String agency) {
        replays.requireServing(TakedownViewProjector.PROCESSING_GROUP);
        return read(jdbc, json, takedownId).filter(view -> agency == null || view.visibleTo(agency));
    }

    public Optional<TakedownView> asOf(String takedownId, Instant asOf, String agency) {
        return TakedownViewFold.fold(events.until(takedownId, asOf)).filter(view -> agency == null || view.visibleTo(agency));
    }

    /** @param platform and {@code status}: filters (case-insensitive platform name), or null */
    public Page<TakedownView> list(String agency, String platform, String status, int page, int size) {
        replays.requireServing(TakedownViewProjector.PROCESSING_GROUP);
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(agency, platform, params);
        if (status != null) {
            where += " AND status = :status";
            params.put("status", status);
        }
        long total = jdbc.sql("SELECT count(*) FROM takedown_view" + where).params(params).query(Long.class).single();
        List<TakedownView> items = jdbc.sql("SELECT doc FROM takedown_view" + where
                        + " ORDER BY requested_at DESC, takedown_id" + Page.rows(page, size))
                .params(params)
                .query(String.class).list().stream().map(doc -> parse(json, doc)).toList();
        return Page.of(items, page, size, total);
    }

    /** Counts per platform and status, and the median and 90th percentile of the time to removal, per platform. */
    public List<PlatformStats> stats(String agency, String platform) {
        replays.requireServing(TakedownViewProjector.PROCESSING_GROUP);
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(agency, platform, params);
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        jdbc.sql("SELECT platform, status, count(*) AS n FROM takedown_view" + where + " GROUP BY platform, status")
                .params(params)
                .query((row, n) -> counts.computeIfAbsent(row.getString("platform"), p -> new TreeMap<>())
                        .put(row.getString("status"), row.getLong("n")))
                .list();
        Map<String, PlatformStats> stats = new TreeMap<>();
        jdbc.sql("""
                        SELECT platform, count(*) AS removals,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median,
                               percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS p90
                          FROM takedown_removal""" + where + " GROUP BY platform")
                .params(params)
                .query((row, n) -> stats.put(row.getString("platform"), new PlatformStats(row.getString("platform"),
                        counts.getOrDefault(row.getString("platform"), Map.of()), row.getLong("removals"),
                        row.getDouble("median"), row.getDouble("p90"))))
                .list();
        counts.forEach((name, byStatus) -> stats.putIfAbsent(name, new PlatformStats(name, byStatus, 0, null, null)));
        return List.copyOf(stats.values());
    }

    /**
     * @param counts                    requests per status (REQUESTED, ACKNOWLEDGED, REMOVED, REJECTED)
     * @param removals                  completed removal rounds (a reappearance starts a new round)
     * @param medianSecondsToRemoval    null without removals
     * @param p90SecondsToRemoval       90th percentile (continuous), null without removals
     */
    public record PlatformStats(String platform, Map<String, Long> counts, long removals,
                                Double medianSecondsToRemoval, Double p90SecondsToRemoval) {
    }

    public Optional<TakedownView> awaitVersion(String takedownId, long version, Duration timeout) {
        return ReadYourWrites.awaitVersion(takedownId, version, () -> read(jdbc, json, takedownId), view -> view.version(), timeout);
    }

    private static String where(String agency, String platform, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (agency != null) {
            where.append(" AND requesting_agency = :agency");
            params.put("agency", agency);
        }
        if (platform != null) {
            where.append(" AND lower(platform) = lower(:platform)");
            params.put("platform", platform.strip());
        }
        return where.toString();
    }

    static Optional<TakedownView> read(JdbcClient jdbc, ObjectMapper json, String takedownId) {
        return jdbc.sql("SELECT doc FROM takedown_view WHERE takedown_id = :id").param("id", takedownId)
                .query(String.class).optional().map(doc -> parse(json, doc));
    }

    private static TakedownView parse(ObjectMapper json, String doc) {
        try {
            return json.readValue(doc, TakedownView.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

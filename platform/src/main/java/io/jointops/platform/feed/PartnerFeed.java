package io.jointops.platform.feed;

import io.jointops.platform.history.HistoryEntry;
import io.jointops.platform.query.SharedItem;
import io.jointops.platform.query.Versioned;
import io.jointops.platform.security.Caller;
import io.jointops.platform.security.KeycloakRoles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the service's part of the feed for an agency: its rows after a position, each shown only if the agency may see
 * the item now (its view, as for a read of the item: a release withdrawn since hides it again) and as the item's
 * history shows the event to it ({@link FeedKind#shown}); rows not shown are passed over, so a page is filled from
 * later rows. Nothing of what the agency is not shown reaches the answer, not even as a gap: positions go only to the
 * gateway, which seals them.
 */
public final class PartnerFeed {

    private static final Logger log = LoggerFactory.getLogger(PartnerFeed.class);

    /** The most rows one page reads, as multiples of its limit, before it answers with fewer events. */
    static final int MAX_ROUNDS = 10;

    private final String context;
    private final FeedKinds kinds;
    private final FeedTable table;
    private final FeedSignal signal;

    PartnerFeed(String context, FeedKinds kinds, FeedTable table, FeedSignal signal) {
        this.context = context;
        this.kinds = kinds;
        this.table = table;
        this.signal = signal;
    }

    /**
     * Up to {@code limit} events of the caller's agency after position {@code after}; if there are none, waits up to
     * {@code wait} for the feed's processor to write some (a long poll), then answers what there is.
     */
    public FeedPage read(Caller caller, long after, int limit, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long commits = signal.commits(); // before reading: a commit during the read is not missed
            FeedPage page = read(caller, after, limit);
            long left = deadline - System.nanoTime();
            if (!page.entries().isEmpty() || left <= 0) {
                return page;
            }
            after = page.last();
            signal.awaitAfter(commits, Duration.ofNanos(Math.min(left, FeedSignal.FALLBACK.toNanos())));
        }
    }

    /** Up to {@code limit} events of the caller's agency after position {@code after}, without waiting. */
    public FeedPage read(Caller caller, long after, int limit) {
        // read as the agency: its own role, never an auditor's view or positions
        Caller reader = new Caller(caller.userId(), caller.username(), caller.agency(), Set.of(KeycloakRoles.FEED_READER));
        List<FeedPage.Entry> shown = new ArrayList<>();
        long last = after;
        rounds:
        for (int round = 0; round < MAX_ROUNDS && shown.size() < limit; round++) {
            List<FeedTable.Stored> rows = table.after(reader.agency(), last, limit);
            Map<String, Map<Long, HistoryEntry>> entries = entries(rows, reader);
            for (FeedTable.Stored row : rows) {
                if (row.notice() != null) {
                    // an erasure's notice, written for the agencies that got events of the item: shown as it is
                    shown.add(new FeedPage.Entry(row.position(),
                            FeedEvent.notice(context, row.itemType(), row.itemId(), row.recordedAt(), row.notice())));
                } else if (!entries.containsKey(row.itemId())) {
                    // the view does not hold the item, though the row was written from it: emptied by a rebuild
                    // that began after this read was let through. The page ends before the row, which the next
                    // read shows: passed over, it would be lost to the agency's cursor for good
                    log.info("partner feed of {}: the view of {} {} does not hold it now; the page ends before it",
                            reader.agency(), row.itemType(), row.itemId());
                    break rounds;
                } else {
                    HistoryEntry entry = entries.get(row.itemId()).get(row.sequence());
                    if (entry != null) {
                        shown.add(new FeedPage.Entry(row.position(),
                                FeedEvent.of(context, row.itemType(), row.itemId(), row.recordedAt(), entry)));
                    }
                }
                last = row.position();
                if (shown.size() == limit) {
                    break;
                }
            }
            if (rows.size() < limit) {
                break;
            }
        }
        return new FeedPage(shown, last);
    }

    /**
     * One event of the caller's agency's feed, exactly as a page of the feed carries it (what its webhooks send): none
     * if it never went onto the agency's feed, or the agency is not shown it now (the item hidden from it since, an
     * event its policy does not show), as a page would pass over it.
     */
    public Optional<FeedEvent> event(Caller caller, String itemId, long sequence) {
        Caller reader = new Caller(caller.userId(), caller.username(), caller.agency(), Set.of(KeycloakRoles.FEED_READER));
        return table.row(reader.agency(), itemId, sequence).flatMap(row -> kinds.named(row.itemType())
                .flatMap(kind -> shown(kind, itemId, sequence, sequence, reader)
                        .orElseThrow(() -> new IllegalStateException("the view of " + row.itemType() + " " + itemId
                                + " does not hold it now (being rebuilt); the event is read again later"))
                        .stream().filter(entry -> entry.sequence() == sequence).findFirst())
                .map(entry -> FeedEvent.of(context, row.itemType(), itemId, row.recordedAt(), entry)));
    }

    /**
     * The entries the reader is shown of the rows' items, by item and sequence; none of an item it may not see now, and
     * no key for an item the view does not hold at all.
     */
    private Map<String, Map<Long, HistoryEntry>> entries(List<FeedTable.Stored> rows, Caller reader) {
        Map<String, long[]> ranges = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        for (FeedTable.Stored row : rows) {
            if (row.notice() != null) {
                continue;
            }
            ranges.merge(row.itemId(), new long[]{row.sequence(), row.sequence()},
                    (a, b) -> new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            types.put(row.itemId(), row.itemType());
        }
        Map<String, Map<Long, HistoryEntry>> entries = new HashMap<>();
        ranges.forEach((itemId, range) -> kinds.named(types.get(itemId)).ifPresentOrElse(
                kind -> shown(kind, itemId, range[0], range[1], reader).ifPresent(shown -> {
                    Map<Long, HistoryEntry> bySequence = new HashMap<>();
                    shown.forEach(entry -> bySequence.put(entry.sequence(), entry));
                    entries.put(itemId, bySequence);
                }),
                () -> entries.put(itemId, Map.of()))); // a kind the service no longer has: nothing to show
        return entries;
    }

    /**
     * The item's entries {@code from} to {@code to} the reader is shown: none if it may not see the item now; empty if
     * the view does not hold the item at all.
     */
    private static <V extends Versioned & SharedItem> Optional<List<HistoryEntry>> shown(
            FeedKind<V> kind, String itemId, long from, long to, Caller reader) {
        Optional<V> item = kind.views().find(itemId, reader.agency());
        if (item.isPresent()) {
            return Optional.of(kind.shown().entries(itemId, item.get(), from, to, reader));
        }
        return kind.views().find(itemId, null).map(hidden -> List.of()); // null: whoever may see it
    }
}

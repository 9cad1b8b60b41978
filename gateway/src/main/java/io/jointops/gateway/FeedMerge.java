package io.jointops.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Merges the services' pages of the partner feed into one: the events in the order the services recorded them for the
 * agency ({@code recordedAt}), ties in {@link FeedCursor#CONTEXTS} order, each service's own order kept; at most
 * {@code limit}. The cursor after it is, per service, the position of its last event taken, or the position it read
 * up to if every event it sent was taken (so rows it passed over are not read again). Whatever the interleaving,
 * nothing is lost or read twice: each service's events are taken in its order and its cursor moves past those taken
 * only. The events themselves are passed on as the services wrote them. Pure, for the tests.
 */
final class FeedMerge {

    private FeedMerge() {
    }

    /** An event of a service's page: its position there, when it was recorded, and the event as the service wrote it. */
    record Entry(long position, Instant recordedAt, JsonNode event) {
    }

    /** A service's page: its events in position order, and the position it read up to. */
    record Part(List<Entry> entries, long last) {
    }

    /** An event taken into the merged page, and the cursor once a client has it. */
    record Taken(JsonNode event, long[] cursor) {
    }

    /**
     * @param parts one per service, in {@link FeedCursor#CONTEXTS} order
     * @param after the cursor the pages were read after
     * @return the events taken, each with the cursor after it (the last one's is the page's next cursor)
     */
    static List<Taken> merge(List<Part> parts, long[] after, int limit) {
        int[] next = new int[parts.size()];
        long[] cursor = after.clone();
        List<Taken> taken = new ArrayList<>();
        while (taken.size() < limit) {
            int from = -1;
            for (int i = 0; i < parts.size(); i++) {
                if (next[i] < parts.get(i).entries().size() && (from < 0 || earlier(parts.get(i).entries().get(next[i]),
                        parts.get(from).entries().get(next[from])))) {
                    from = i;
                }
            }
            if (from < 0) {
                break;
            }
            Entry entry = parts.get(from).entries().get(next[from]++);
            cursor[from] = entry.position();
            taken.add(new Taken(entry.event(), cursor.clone()));
        }
        return taken;
    }

    /**
     * The cursor after the merged page: past each service's last event taken, and past all it read where all its events
     * were taken.
     */
    static long[] next(List<Part> parts, long[] after, List<Taken> taken) {
        long[] cursor = taken.isEmpty() ? after.clone() : taken.get(taken.size() - 1).cursor().clone();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            boolean allTaken = part.entries().isEmpty()
                    || cursor[i] == part.entries().get(part.entries().size() - 1).position();
            if (allTaken) {
                cursor[i] = Math.max(cursor[i], part.last());
            }
        }
        return cursor;
    }

    /** Strictly earlier: on a tie the service first in the order (the one already chosen) keeps its turn. */
    private static boolean earlier(Entry candidate, Entry chosen) {
        return candidate.recordedAt().isBefore(chosen.recordedAt());
    }
}

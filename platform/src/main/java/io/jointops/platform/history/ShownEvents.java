package io.jointops.platform.history;

import io.jointops.platform.security.Caller;

import java.util.List;

/**
 * What a reader is shown of one item's events: its context's one visibility policy applied to the typed events
 * ({@code CaseVisibility}, {@code IntelVisibility}, or every event, {@link #every}). The item's history answers from
 * it, and so does the partner feed, so a partner system reads an event exactly as the item's history shows it to its
 * agency.
 *
 * @param <V> the item as its view shows it to the reader
 */
@FunctionalInterface
public interface ShownEvents<V> {

    /**
     * The entries of the item's events with sequence {@code from} to {@code to} (inclusive) as {@code reader} is shown
     * them, in stream order; an event the policy does not show is left out or stands in for itself, as its history
     * does. The caller has checked that the reader may see the item.
     *
     * @param item the item as the reader's agency is shown it
     */
    List<HistoryEntry> entries(String itemId, V item, long from, long to, Caller reader);

    /** Every event, whole, to whoever sees the item: finance, chemicals, cooperation requests, case leads, takedowns. */
    static <V> ShownEvents<V> every(EventHistory history) {
        return (itemId, item, from, to, reader) -> history.entries(itemId, from, to, reader);
    }
}

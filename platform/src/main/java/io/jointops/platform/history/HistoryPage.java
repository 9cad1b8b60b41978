package io.jointops.platform.history;

import java.util.List;

/**
 * One page of an item's events as a reader is shown them, as every service's {@code GET .../{id}/history} answers it.
 *
 * @param itemId      the item (aggregate) whose events these are
 * @param events      this page's events, in the item's stream order
 * @param page        the page number, from 0
 * @param size        the most events a page holds
 * @param totalEvents how many events the reader is shown in all
 */
public record HistoryPage(String itemId, List<HistoryEntry> events, int page, int size, long totalEvents) {

    /** Page {@code page} of {@code size} among {@code shown}, all the entries a reader is shown of the item. */
    public static HistoryPage of(String itemId, List<HistoryEntry> shown, int page, int size) {
        long from = Math.min((long) page * size, shown.size());
        long to = Math.min(from + size, shown.size());
        return new HistoryPage(itemId, List.copyOf(shown.subList((int) from, (int) to)), page, size, shown.size());
    }
}

package io.jointops.platform.history;

import java.util.List;

/**
 * One page of an item's stored events, as every service's {@code GET .../{id}/history} answers it.
 *
 * @param itemId      the item (aggregate) whose events these are
 * @param events      this page's events, in the item's stream order
 * @param page        the page number, from 0
 * @param size        the most events a page holds
 * @param totalEvents how many events the item has stored
 */
public record HistoryPage(String itemId, List<HistoryEntry> events, int page, int size, long totalEvents) {
}

package io.jointops.platform.history;

import java.util.List;

/**
 * One page of the global audit query, in global order.
 *
 * @param events the page's events, by ascending global position
 * @param size   the most events a page holds
 * @param next   the {@code after} of the next page (the last position of this one), or {@code null} if this page is
 *               not full, i.e. nothing more was stored yet
 */
public record AuditPage(List<AuditEntry> events, int size, Long next) {
}

package io.jointops.platform.feed;

import java.util.List;

/**
 * A page of a service's part of the feed, for the gateway, which merges the services' pages into {@code /api/feed}
 * and never shows positions to a client (it seals them into its cursor).
 *
 * @param entries the events, in position order
 * @param last    the position read up to: the last entry's, or beyond it when rows after it were read and are not
 *                shown to the agency now (an item no longer released to it, an event its policy does not show)
 */
public record FeedPage(List<Entry> entries, long last) {

    /** An event and its position in the service's part of the feed. */
    public record Entry(long position, FeedEvent event) {
    }
}

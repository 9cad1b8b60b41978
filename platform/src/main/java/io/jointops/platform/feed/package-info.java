/**
 * The partner feed: every event of every item an agency sees, in one order per service, as the item's history shows it
 * to that agency; the gateway merges the services' parts into {@code /api/feed}.
 */
package io.jointops.platform.feed;

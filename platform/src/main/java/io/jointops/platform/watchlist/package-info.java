/**
 * Watchlists, as every service's partner feed serves them: the identifiers each event the feed delivers to an agency
 * names, as the agency is shown the event, go to intel-service, which keeps the agencies' watchlists and alerts.
 */
package io.jointops.platform.watchlist;

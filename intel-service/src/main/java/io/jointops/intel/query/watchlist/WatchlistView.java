package io.jointops.intel.query.watchlist;

import io.jointops.platform.query.SharedItem;
import io.jointops.platform.query.Versioned;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An agency's watchlist: its entries, newest first. Seen by its agency alone (and auditors).
 *
 * @param alerts how many alerts it has raised (listed by {@code GET /api/intel/alerts})
 */
public record WatchlistView(String id, String agency, List<Entry> entries, long alerts, long version,
                            Instant updatedAt) implements Versioned, SharedItem {

    public WatchlistView {
        entries = List.copyOf(entries);
    }

    @Override
    public Set<String> audience() {
        return Set.of(agency);
    }

    /**
     * @param value     as the agency wrote it
     * @param canonical the form it is matched by, e.g. {@code +12025550143}
     * @param country   for a phone number written without its country code, the country it is dialled in
     */
    public record Entry(String id, String kind, String value, String canonical, String country, String label,
                        String addedBy, Instant addedAt) {
    }
}

package io.jointops.intel.command;

/** The id of an agency's watchlist: one per agency, so its id follows from the agency. */
public final class WatchlistIds {

    private WatchlistIds() {
    }

    public static String of(String agency) {
        return "watchlist-" + agency;
    }
}

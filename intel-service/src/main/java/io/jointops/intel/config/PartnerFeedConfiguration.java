package io.jointops.intel.config;

import io.jointops.intel.query.readlog.ReadLog;
import io.jointops.intel.query.reportview.IntelReportView;
import io.jointops.intel.query.reportview.IntelReportViewFold;
import io.jointops.intel.query.reportview.IntelReportViews;
import io.jointops.intel.query.reportview.IntelVisibility;
import io.jointops.intel.query.takedownview.TakedownView;
import io.jointops.intel.query.takedownview.TakedownViewFold;
import io.jointops.intel.query.takedownview.TakedownViews;
import io.jointops.intel.query.watchlist.WatchlistView;
import io.jointops.intel.query.watchlist.WatchlistViewFold;
import io.jointops.intel.query.watchlist.WatchlistViews;
import io.jointops.platform.feed.FeedKind;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryEntry;
import io.jointops.platform.history.ShownEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * intel-service's items on the partner feed (platform {@code feed}): a report shown as its history shows it
 * ({@link IntelVisibility}: a recipient from its release on, never drafts or other agencies' feedback), and read as
 * its history is, so a page carrying a {@code TLP:AMBER} or stricter report's events is logged as a read
 * ({@code FEED}), though not what the platform checks for the agency without showing it (watchlists: the policy
 * alone); a takedown request whole to its requesting agency; an agency's watchlist, with its alerts, to that agency.
 */
@Configuration(proxyBeanMethods = false)
class PartnerFeedConfiguration {

    @Bean
    FeedKind<IntelReportView> intelReportFeed(IntelReportViews views, EventHistory events, ReadLog reads) {
        ShownEvents<IntelReportView> history = IntelVisibility.shown(events);
        ShownEvents<IntelReportView> read = (reportId, view, from, to, reader) -> {
            List<HistoryEntry> entries = history.entries(reportId, view, from, to, reader);
            if (!entries.isEmpty() && view.readsLogged()) {
                reads.record(reportId, reader, "FEED");
            }
            return entries;
        };
        return new FeedKind<>("intel-report", "IntelReport", IntelReportViewFold.EVENTS, views, read, history);
    }

    /** An agency's watchlist to that agency alone: its entries and its alerts (which its webhooks then deliver). */
    @Bean
    FeedKind<WatchlistView> watchlistFeed(WatchlistViews views, EventHistory history) {
        return new FeedKind<>("watchlist", "Watchlist", WatchlistViewFold.EVENTS, views, ShownEvents.every(history));
    }

    @Bean
    FeedKind<TakedownView> takedownFeed(TakedownViews views, EventHistory history) {
        return new FeedKind<>("takedown-request", "TakedownRequest", TakedownViewFold.EVENTS,
                views, ShownEvents.every(history));
    }
}

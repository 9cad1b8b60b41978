package io.jointops.finance.config;

import io.jointops.finance.query.assetview.AssetView;
import io.jointops.finance.query.assetview.AssetViewFold;
import io.jointops.finance.query.assetview.Assets;
import io.jointops.finance.query.freezeview.FreezeRequestView;
import io.jointops.finance.query.freezeview.FreezeRequestViewFold;
import io.jointops.finance.query.freezeview.FreezeRequests;
import io.jointops.finance.query.reportview.TransactionReportView;
import io.jointops.finance.query.reportview.TransactionReportViewFold;
import io.jointops.finance.query.reportview.TransactionReportViews;
import io.jointops.platform.feed.FeedKind;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.ShownEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * finance-service's items on the partner feed (platform {@code feed}): transaction reports, assets and freeze
 * requests, each with the events its view folds and shown whole to whoever sees the item, as their histories are.
 */
@Configuration(proxyBeanMethods = false)
class PartnerFeedConfiguration {

    @Bean
    FeedKind<TransactionReportView> transactionReportFeed(TransactionReportViews views, EventHistory history) {
        return new FeedKind<>("transaction-report", "SuspiciousTransactionReport",
                TransactionReportViewFold.EVENTS, views, ShownEvents.every(history));
    }

    @Bean
    FeedKind<AssetView> assetFeed(Assets views, EventHistory history) {
        return new FeedKind<>("asset", "IdentifiedAsset", AssetViewFold.EVENTS, views, ShownEvents.every(history));
    }

    @Bean
    FeedKind<FreezeRequestView> freezeRequestFeed(FreezeRequests views, EventHistory history) {
        return new FeedKind<>("freeze-request", "FreezeRequest", FreezeRequestViewFold.EVENTS,
                views, ShownEvents.every(history));
    }
}

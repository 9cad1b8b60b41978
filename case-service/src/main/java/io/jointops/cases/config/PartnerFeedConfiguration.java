package io.jointops.cases.config;

import io.jointops.cases.query.caselead.CaseLeadFold;
import io.jointops.cases.query.caselead.CaseLeadView;
import io.jointops.cases.query.caselead.CaseLeads;
import io.jointops.cases.query.caseview.CaseView;
import io.jointops.cases.query.caseview.CaseViewFold;
import io.jointops.cases.query.caseview.CaseViews;
import io.jointops.cases.query.caseview.CaseVisibility;
import io.jointops.cases.query.cooperation.CooperationRequestFold;
import io.jointops.cases.query.cooperation.CooperationRequestView;
import io.jointops.cases.query.cooperation.CooperationRequests;
import io.jointops.platform.feed.FeedKind;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.ShownEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * case-service's items on the partner feed (platform {@code feed}): each with the events its view folds, and shown as
 * its history shows it: a case by {@link CaseVisibility}, a cooperation request and a case lead whole to whoever sees
 * them.
 */
@Configuration(proxyBeanMethods = false)
class PartnerFeedConfiguration {

    @Bean
    FeedKind<CaseView> caseFeed(CaseViews views, EventHistory history) {
        return new FeedKind<>("case", "JointCase", CaseViewFold.EVENTS, views, CaseVisibility.shown(history));
    }

    @Bean
    FeedKind<CooperationRequestView> cooperationRequestFeed(CooperationRequests views, EventHistory history) {
        return new FeedKind<>("cooperation-request", "CooperationRequest", CooperationRequestFold.EVENTS,
                views, ShownEvents.every(history));
    }

    @Bean
    FeedKind<CaseLeadView> caseLeadFeed(CaseLeads views, EventHistory history) {
        return new FeedKind<>("case-lead", "CaseLead", CaseLeadFold.EVENTS, views, ShownEvents.every(history));
    }
}

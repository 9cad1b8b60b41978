package io.jointops.chemicals.config;

import io.jointops.chemicals.query.incidentview.IncidentView;
import io.jointops.chemicals.query.incidentview.IncidentViewFold;
import io.jointops.chemicals.query.incidentview.IncidentViews;
import io.jointops.chemicals.query.notificationview.NotificationView;
import io.jointops.chemicals.query.notificationview.NotificationViewFold;
import io.jointops.chemicals.query.notificationview.NotificationViews;
import io.jointops.chemicals.query.shipmentview.ShipmentView;
import io.jointops.chemicals.query.shipmentview.ShipmentViewFold;
import io.jointops.chemicals.query.shipmentview.ShipmentViews;
import io.jointops.platform.feed.FeedKind;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.ShownEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * chemical-service's items on the partner feed (platform {@code feed}): pre-export notifications, shipments and
 * incidents, each with the events its view folds and shown whole to whoever sees the item, as their histories are.
 * National controls are not on it: they are reference data every agency reads, released to none in particular.
 */
@Configuration(proxyBeanMethods = false)
class PartnerFeedConfiguration {

    @Bean
    FeedKind<NotificationView> notificationFeed(NotificationViews views, EventHistory history) {
        return new FeedKind<>("pre-export-notification", "PreExportNotification",
                NotificationViewFold.EVENTS, views, ShownEvents.every(history));
    }

    @Bean
    FeedKind<ShipmentView> shipmentFeed(ShipmentViews views, EventHistory history) {
        return new FeedKind<>("shipment", "Shipment", ShipmentViewFold.EVENTS, views, ShownEvents.every(history));
    }

    @Bean
    FeedKind<IncidentView> incidentFeed(IncidentViews views, EventHistory history) {
        return new FeedKind<>("incident", "Incident", IncidentViewFold.EVENTS, views, ShownEvents.every(history));
    }
}

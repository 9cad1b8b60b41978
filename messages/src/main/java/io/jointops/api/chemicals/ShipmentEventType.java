package io.jointops.api.chemicals;

/** What happened to a shipment on its way, as an agency records it. */
public enum ShipmentEventType {
    DEPARTED,
    AT_WAYPOINT,
    TRANSSHIPPED,
    ARRIVED,
    SEIZED,
    RELEASED
}

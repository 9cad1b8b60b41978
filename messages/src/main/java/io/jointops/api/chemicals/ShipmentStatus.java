package io.jointops.api.chemicals;

/** Where a tracked shipment stands. */
public enum ShipmentStatus {
    REGISTERED,
    DEPARTED,
    IN_TRANSIT,
    ARRIVED,
    SEIZED,
    RELEASED,
    /** the importing authority objected to its pre-export notification */
    STOPPED
}

package io.jointops.api.chemicals;

/** What an agency asks of the agencies along a shipment's route. */
public enum ShipmentRequestType {
    /** let it run under surveillance to identify the recipients */
    CONTROLLED_DELIVERY,
    /** hold it */
    STOP
}

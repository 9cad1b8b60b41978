package io.jointops.api.chemicals;

/** Kinds of incident PICS records. */
public enum IncidentType {
    SEIZURE,
    STOPPED_SHIPMENT,
    SUSPICIOUS_ORDER
}

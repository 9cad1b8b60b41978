package io.jointops.api.intel;

/** How a consignment travels along one leg of a trafficking route. */
public enum TransportMode {
    ROAD,
    RAIL,
    SEA,
    RIVER,
    AIR,
    POSTAL,
    COURIER
}

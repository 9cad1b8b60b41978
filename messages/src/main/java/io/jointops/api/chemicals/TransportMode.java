package io.jointops.api.chemicals;

/** How a consignment travels, as a pre-export notification declares it. */
public enum TransportMode {
    SEA,
    AIR,
    ROAD,
    RAIL,
    POST,
    MULTIMODAL
}

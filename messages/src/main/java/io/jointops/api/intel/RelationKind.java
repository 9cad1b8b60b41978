package io.jointops.api.intel;

/** How one entity of a report relates to another, so that a network is a graph. */
public enum RelationKind {
    MEMBER_OF,
    CONTROLS,
    USES,
    SHIPS_TO,
    PAYS
}

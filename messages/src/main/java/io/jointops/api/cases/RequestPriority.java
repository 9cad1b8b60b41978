package io.jointops.api.cases;

/** How fast a cooperation request must be answered; the response window follows from it and the type. */
public enum RequestPriority {
    /** urgent */
    URGENT,
    /** routine */
    ROUTINE
}

package io.jointops.api.cases;

/** Where a joint case stands: opened, then active, possibly suspended, finally closed (and reopened). */
public enum CaseStatus {
    /** opened, not yet worked */
    OPENED,
    /** being worked */
    ACTIVE,
    /** on hold */
    SUSPENDED,
    /** closed with a closing reason */
    CLOSED
}

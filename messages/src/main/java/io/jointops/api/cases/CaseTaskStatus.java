package io.jointops.api.cases;

/** Where a task of a case stands. */
public enum CaseTaskStatus {
    /** not started */
    OPEN,
    /** being worked on */
    IN_PROGRESS,
    /** done */
    DONE,
    /** no longer needed */
    CANCELLED
}

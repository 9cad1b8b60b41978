package io.jointops.api.cases;

/** Where a proposed case lead stands. */
public enum CaseLeadStatus {
    /** awaiting a supervisor's decision */
    PROPOSED,
    /** accepted: a case was opened */
    ACCEPTED,
    /** dismissed with a reason */
    DISMISSED
}

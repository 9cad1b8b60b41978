package io.jointops.api.cases;

/** Where a cooperation request stands. */
public enum CooperationRequestStatus {
    /** sent, not yet acknowledged */
    SENT,
    /** acknowledged by the receiving agency */
    ACKNOWLEDGED,
    /** answered in part; more is to come */
    PARTIALLY_ANSWERED,
    /** answered fully */
    ANSWERED,
    /** declined by the receiving agency, with a reason */
    DECLINED,
    /** withdrawn by the requesting agency */
    WITHDRAWN
}

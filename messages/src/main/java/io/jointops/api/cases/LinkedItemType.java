package io.jointops.api.cases;

/** Items of other services that can be linked to a case; each owning service confirms its own links. */
public enum LinkedItemType {
    /** intel-service: an intelligence report */
    INTEL_REPORT,
    /** chemical-service: a precursor shipment */
    SHIPMENT,
    /** chemical-service: a diversion or seizure incident */
    INCIDENT,
    /** finance-service: a suspicious (or cash, unusual, funds-transfer) transaction report */
    TRANSACTION_REPORT,
    /** finance-service: a request to freeze or postpone transactions */
    FREEZE_REQUEST
}

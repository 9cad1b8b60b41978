package io.jointops.api.cases;

/** What one agency asks of another. */
public enum CooperationRequestType {
    /** information request */
    INFORMATION_REQUEST,
    /** operational assistance */
    OPERATIONAL_ASSISTANCE,
    /** controlled-delivery coordination */
    CONTROLLED_DELIVERY_COORDINATION,
    /** evidence request */
    EVIDENCE_REQUEST,
    /** asset-freeze assistance */
    ASSET_FREEZE_ASSISTANCE,
    /** takedown assistance */
    TAKEDOWN_ASSISTANCE
}

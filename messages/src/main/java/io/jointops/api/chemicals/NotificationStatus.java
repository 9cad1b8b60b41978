package io.jointops.api.chemicals;

/** Where a pre-export notification stands in the importing authority's response. */
public enum NotificationStatus {
    /** filed; the importing authority has not replied */
    FILED,
    /** the importing authority confirmed receipt and is examining it */
    ACKNOWLEDGED,
    /** no objection: the shipment may go */
    CLEARED,
    /** the importing authority objects: the shipment is stopped */
    OBJECTED,
    /** the response window passed without clearance or objection; escalated to supervisors of both agencies */
    NO_REPLY
}

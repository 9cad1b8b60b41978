package io.jointops.api.intel;

/** What a receiving agency found out about a report (like MISP sightings). */
public enum FeedbackKind {
    CONFIRMED,
    FALSE_POSITIVE,
    OUTDATED
}

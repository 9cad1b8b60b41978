package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

/** Feedback of a receiving agency; shown to the owner agency and to the agency that gave it. */
@Revision("1")
public record IntelReportFeedbackGivenEvent(String reportId, String agency, FeedbackKind kind, String comment) {
}

package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/** Feedback of a receiving agency; shown to the owner agency and to the agency that gave it. */
@Revision("1")
@NonPersonal
public record IntelReportFeedbackGivenEvent(String reportId, String agency, FeedbackKind kind,
                                            @Personal String comment) {
}

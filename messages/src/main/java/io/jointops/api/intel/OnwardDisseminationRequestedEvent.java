package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

/** A receiving agency asked the owner's consent to pass the report on; the third agency sees nothing yet. */
@Revision("1")
public record OnwardDisseminationRequestedEvent(String reportId, String requestId, String requestingAgency,
                                                String toAgency, String justification) {
}

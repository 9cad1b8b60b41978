package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/** A receiving agency asked the owner's consent to pass the report on; the third agency sees nothing yet. */
@Revision("1")
@NonPersonal
public record OnwardDisseminationRequestedEvent(String reportId, String requestId, String requestingAgency,
                                                String toAgency, @Personal String justification) {
}

package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/** The owner consented: {@link IntelReportReleaseWidenedEvent} for {@code toAgency} follows. */
@Revision("1")
@NonPersonal
public record OnwardDisseminationConsentedEvent(String reportId, String requestId, String requestingAgency,
                                                String toAgency, @Personal String comment) {
}

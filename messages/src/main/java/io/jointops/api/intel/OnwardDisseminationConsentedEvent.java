package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

/** The owner consented: {@link IntelReportReleaseWidenedEvent} for {@code toAgency} follows. */
@Revision("1")
public record OnwardDisseminationConsentedEvent(String reportId, String requestId, String requestingAgency,
                                                String toAgency, String comment) {
}

package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

/** The owner refused: the third agency still sees nothing. */
@Revision("1")
public record OnwardDisseminationRefusedEvent(String reportId, String requestId, String requestingAgency,
                                              String toAgency, String comment) {
}

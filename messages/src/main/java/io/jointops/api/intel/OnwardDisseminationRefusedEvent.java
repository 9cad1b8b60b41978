package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/** The owner refused: the third agency still sees nothing. */
@Revision("1")
@NonPersonal
public record OnwardDisseminationRefusedEvent(String reportId, String requestId, String requestingAgency,
                                              String toAgency, @Personal String comment) {
}

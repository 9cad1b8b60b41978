package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

@Revision("1")
@NonPersonal
public record CasePartnerAddedEvent(String caseId, String agency) {
}

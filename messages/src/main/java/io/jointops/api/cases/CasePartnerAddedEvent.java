package io.jointops.api.cases;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CasePartnerAddedEvent(String caseId, String agency) {
}

package io.jointops.api.cases;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record CaseOpenedEvent(
        String caseId,
        String title,
        String summary,
        String leadAgency,
        List<String> partnerAgencies,
        Tlp tlp,
        HandlingCode handlingCode) {
}

package io.jointops.api.cases;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import io.jointops.api.shared.Tlp;
import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
@NonPersonal
public record CaseOpenedEvent(
        String caseId,
        @Personal String title,
        @Personal String summary,
        String leadAgency,
        List<String> partnerAgencies,
        Tlp tlp,
        HandlingCode handlingCode) {
}

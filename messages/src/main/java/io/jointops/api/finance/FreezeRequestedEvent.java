package io.jointops.api.finance;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Tlp;
import org.axonframework.serialization.Revision;

import java.util.List;

/** @param requestingCountry, receivingCountry ISO 3166-1 alpha-2, the prefixes of the two agency codes */
@Revision("1")
@NonPersonal
public record FreezeRequestedEvent(
        String requestId,
        String requestingAgency,
        String requestingCountry,
        String receivingAgency,
        String receivingCountry,
        FreezeMeasure measure,
        String legalBasis,
        String caseId,
        FreezeUrgency urgency,
        List<FreezeTarget> targets,
        Tlp tlp,
        HandlingCode handlingCode) {
}

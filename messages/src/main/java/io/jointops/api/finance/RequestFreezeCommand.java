package io.jointops.api.finance;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * An agency asks an agency of another country to postpone or freeze transactions on accounts or assets.
 *
 * @param requestingAgency the caller's agency, from its token
 * @param receivingAgency  the agency asked, e.g. {@code CN-CAMLMAC}; its country is the code's prefix
 * @param caseId           the joint case the request belongs to (optional)
 */
public record RequestFreezeCommand(
        @TargetAggregateIdentifier String requestId,
        String requestingAgency,
        String receivingAgency,
        FreezeMeasure measure,
        String legalBasis,
        String caseId,
        FreezeUrgency urgency,
        List<FreezeTarget> targets,
        Tlp tlp,
        HandlingCode handlingCode) {
}

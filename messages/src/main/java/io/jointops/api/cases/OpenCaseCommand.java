package io.jointops.api.cases;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

public record OpenCaseCommand(
        @TargetAggregateIdentifier String caseId,
        String title,
        String summary,
        String leadAgency,
        Set<String> partnerAgencies,
        Tlp tlp,
        HandlingCode handlingCode) {
}

package io.jointops.api.cases;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A supervisor of the proposing agency accepts the lead: a case is opened with the item linked.
 *
 * @param caseId the case to open, chosen by case-service
 */
public record AcceptCaseLeadCommand(
        @TargetAggregateIdentifier String leadId,
        @NotBlank String caseId,
        @Nullable @Size(max = OpenCaseCommand.MAX_TITLE) String title,
        @Nullable @Size(max = OpenCaseCommand.MAX_SUMMARY) String summary,
        @NotNull Tlp tlp,
        @NotNull HandlingCode handlingCode,
        CaseActor actor) {
}

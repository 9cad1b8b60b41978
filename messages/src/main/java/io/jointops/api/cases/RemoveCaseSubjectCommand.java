package io.jointops.api.cases;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a subject off the case. */
public record RemoveCaseSubjectCommand(
        @TargetAggregateIdentifier String caseId,
        @NotBlank String subjectId,
        CaseActor actor) {
}

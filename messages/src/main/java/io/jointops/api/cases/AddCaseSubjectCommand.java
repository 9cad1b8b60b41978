package io.jointops.api.cases;

import io.jointops.api.shared.Identifies;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Names a subject of the case: a person, company, phone number, e-mail address, account, wallet, ... the case is
 * about. Normalised by the one normalisation of identifiers; the same identifier twice is one subject.
 *
 * @param country ISO 3166-1 alpha-2 country a phone number written without its country code is dialled in; null
 * @param label   the subject's role in the case, in the officers' words (optional)
 */
public record AddCaseSubjectCommand(
        @TargetAggregateIdentifier String caseId,
        @NotNull Identifies.Kind kind,
        @NotBlank @Size(max = 500) String value,
        @Nullable @Size(max = 2) String country,
        @Nullable @Size(max = 500) String label,
        CaseActor actor) {
}

package io.jointops.api.cases;

import io.jointops.api.shared.Tlp;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a note with its own TLP label; a TLP:RED note is seen by the writing agency only. */
public record AddCaseNoteCommand(
        @TargetAggregateIdentifier String caseId,
        @NotBlank String noteId,
        @NotBlank @Size(max = 10_000) String text,
        @NotNull Tlp tlp,
        CaseActor actor) {
}

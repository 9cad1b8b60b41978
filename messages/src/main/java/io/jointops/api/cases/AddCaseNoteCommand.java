package io.jointops.api.cases;

import io.jointops.api.shared.Tlp;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a note with its own TLP label; a TLP:RED note is seen by the writing agency only. */
public record AddCaseNoteCommand(
        @TargetAggregateIdentifier String caseId,
        String noteId,
        String text,
        Tlp tlp,
        CaseActor actor) {
}

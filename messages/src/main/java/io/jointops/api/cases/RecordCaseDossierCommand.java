package io.jointops.api.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a dossier of the case was produced, before it is handed out: its SHA-256 goes into the case's stream,
 * so the notary's checkpoints cover it and a court can check that the PDF it was given is the one produced.
 *
 * @param sha256   SHA-256 of the dossier's bytes, lower-case hex
 * @param treeSize the checkpoint the dossier's appendix proves its events against
 * @param auditor  whether the producer is a joint auditor (who sees every case without taking part in it)
 */
public record RecordCaseDossierCommand(
        @TargetAggregateIdentifier String caseId,
        @NotBlank @Size(max = 100) String dossierId,
        @NotBlank String sha256,
        long size,
        long treeSize,
        CaseActor producedBy,
        boolean auditor) {
}

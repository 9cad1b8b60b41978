package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/**
 * A dossier of the case (a PDF of what {@code agency} may see of it, with the proofs of its events) was produced
 * and handed to {@code producedBy}. The offline verifier matches a PDF against {@code sha256} in a later export of the
 * case ({@code --file}).
 *
 * @param sha256     SHA-256 of the PDF, lower-case hex
 * @param size       the PDF's length in bytes
 * @param treeSize   the checkpoint its appendix proves the case's events against
 * @param producedBy user name of who asked for it
 * @param agency     the agency it was produced for: the producer's, whose view of the case it shows
 */
@Revision("1")
@NonPersonal
public record CaseDossierProducedEvent(
        String caseId,
        String dossierId,
        String sha256,
        long size,
        long treeSize,
        String producedBy,
        String agency) {
}

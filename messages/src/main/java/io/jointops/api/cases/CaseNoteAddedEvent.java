package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import io.jointops.api.shared.Tlp;
import org.axonframework.serialization.Revision;

/**
 * A note was written on the case.
 *
 * @param agency the writing agency: the only one that sees a TLP:RED note
 */
@Revision("1")
@NonPersonal
public record CaseNoteAddedEvent(
        String caseId,
        String noteId,
        @Personal String text,
        Tlp tlp,
        String author,
        String agency) {
}

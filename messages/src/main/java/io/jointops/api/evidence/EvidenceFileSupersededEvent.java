package io.jointops.api.evidence;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/**
 * A file of the item was replaced by another; it stays stored, downloadable and in the record.
 *
 * @param sha256       the replaced file's hash
 * @param supersededBy the file that replaces it
 * @param by           user name of who replaced it
 */
@Revision("1")
@NonPersonal
public record EvidenceFileSupersededEvent(
        String itemId,
        String itemType,
        String fileId,
        String sha256,
        String supersededBy,
        @Personal String reason,
        String by,
        String agency) {
}

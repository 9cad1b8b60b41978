package io.jointops.api.evidence;

import org.axonframework.serialization.Revision;

/**
 * A file of the item was replaced by another; it stays stored, downloadable and in the record.
 *
 * @param sha256       the replaced file's hash
 * @param supersededBy the file that replaces it
 * @param by           user name of who replaced it
 */
@Revision("1")
public record EvidenceFileSupersededEvent(
        String itemId,
        String itemType,
        String fileId,
        String sha256,
        String supersededBy,
        String reason,
        String by,
        String agency) {
}

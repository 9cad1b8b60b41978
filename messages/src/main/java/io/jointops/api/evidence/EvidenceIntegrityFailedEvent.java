package io.jointops.api.evidence;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/**
 * An alert: the bytes stored for a file no longer match the hashes logged when it was added, found when someone
 * asked for them (the download was refused). Published on its own, like a read.
 *
 * @param sha256      the file's hash as logged
 * @param chunk       the first stored chunk found altered, or -1 when the list of chunk hashes itself was
 * @param requestedBy user name of whoever asked for the file
 * @param agency      that user's agency
 */
@Revision("1")
@NonPersonal
public record EvidenceIntegrityFailedEvent(
        String itemId,
        String itemType,
        String fileId,
        String sha256,
        int chunk,
        String requestedBy,
        String agency) {
}

package io.jointops.api.evidence;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A file was attached to an item: the first link of its chain of custody. Its hash is in the event, so the notary's
 * checkpoints cover it and the offline verifier proves that a file handed over later is this one.
 *
 * @param itemType   the aggregate's type, e.g. {@code JointCase}
 * @param addedBy    user name of the uploader
 * @param agency     the uploader's agency
 * @param sharedWith the other agencies that may see the item, and so the file, from now on
 * @param supersedes the file this one replaces, or null ({@link EvidenceFileSupersededEvent} follows)
 */
@Revision("1")
@NonPersonal
public record EvidenceFileAddedEvent(
        String itemId,
        String itemType,
        String fileId,
        String sha256,
        long size,
        String contentType,
        int chunkSize,
        String chunkListSha256,
        @Personal String originalName,
        @Personal String reason,
        String addedBy,
        String agency,
        List<String> sharedWith,
        String supersedes) {
}

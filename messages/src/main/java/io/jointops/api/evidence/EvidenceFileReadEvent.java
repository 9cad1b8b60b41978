package io.jointops.api.evidence;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/**
 * Someone downloaded a file (whole, or a range of it). Published on its own, not in the item's stream, like a read of
 * an intelligence report: a read changes nothing about the item (its version and ETag stay, and a partner's download
 * does not make the owner's {@code If-Match} stale), yet it is stored, and so notarised, like any event.
 *
 * @param range {@code bytes=first-last} as served, or null for the whole file
 */
@Revision("1")
@NonPersonal
public record EvidenceFileReadEvent(
        String itemId,
        String itemType,
        String fileId,
        String sha256,
        String reader,
        String readerAgency,
        String range) {
}

package io.jointops.api.evidence;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/**
 * The item was released to another agency, and with it this file: one event per file and agency, applied by the
 * aggregate together with the release itself.
 *
 * @param agency the agency that may see the file from now on
 * @param by     user name of who released the item
 */
@Revision("1")
@NonPersonal
public record EvidenceFileSharedEvent(
        String itemId,
        String itemType,
        String fileId,
        String sha256,
        String agency,
        String by) {
}

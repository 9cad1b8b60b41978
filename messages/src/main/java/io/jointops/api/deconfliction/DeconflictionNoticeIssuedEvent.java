package io.jointops.api.deconfliction;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/**
 * {@code agency} is told that another agency holds an item naming an identifier its own item {@code item} names, and
 * how to reach that agency's deconfliction point of contact. Nothing of the other agency's item: not its id, its
 * kind, its content or its value. Shown to {@code agency} (and auditors) only.
 *
 * @param match the first identifier found to match; later ones follow as {@link DeconflictionMatchAddedEvent}s
 */
@Revision("1")
@NonPersonal
public record DeconflictionNoticeIssuedEvent(String noticeId, String agency, ItemRef item, String otherAgency,
                                             String contact, DeconflictionMatch match) {
}

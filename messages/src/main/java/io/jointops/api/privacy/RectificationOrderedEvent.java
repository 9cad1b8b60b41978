package io.jointops.api.privacy;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An officer ordered a correction of personal data recorded: event {@code correctedBy} of item {@code itemId}
 * corrects the wrong values {@code subjectRefs} (their references only, as an erasure order keeps them), to be
 * shredded in the item on approval if {@code shred}.
 *
 * @param legalBasis the statute and article, or a court order's reference, that requires the rectification
 * @param reason     the officer's words, which may name the subject: personal, of the order itself
 */
@Revision("1")
@NonPersonal
public record RectificationOrderedEvent(String rectificationId, String agency, String orderedBy, String itemId,
                                        long correctedBy, List<String> subjectRefs, boolean shred,
                                        String legalBasis, @Personal String reason) {
}

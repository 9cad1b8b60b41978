package io.jointops.api.privacy;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Personal data of item {@code itemId} was rectified: its event {@code correctedBy} corrects what earlier events of
 * it recorded wrongly, approved by a second supervisor of the ordering agency. {@code keysShredded} keys of the wrong
 * values in the item were destroyed (0 when the law did not require it), which a {@link PersonalDataErasedEvent} of
 * the same order records too. Partners learn of it on the feed.
 *
 * @param by the rectification order ({@code rectification:<id>})
 */
@Revision("1")
@NonPersonal
public record PersonalDataRectifiedEvent(String by, String agency, String approvedBy, String itemId, long correctedBy,
                                         int keysShredded, String legalBasis, Instant rectifiedAt) {
}

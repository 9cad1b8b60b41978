package io.jointops.api.privacy;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An officer ordered personal data erased. The subjects are kept as their references only (HMAC of their normal
 * form, docs/privacy.md): the order that erases a name does not keep it.
 *
 * @param subjectRefs the subjects' references, in the order the officer named them
 * @param kinds       what each subject was named as, one per named subject; the references after them are the free
 *                    text of {@code itemIds}, when the order erases it too
 * @param itemIds     the items to erase them in; empty: every item
 * @param legalBasis  a court order's reference, a statute and article: no personal data by the order's rules
 * @param reason      the officer's words, which may name the subject: personal, of the order itself
 */
@Revision("1")
@NonPersonal
public record ErasureOrderedEvent(String orderId, String agency, String orderedBy, List<String> subjectRefs,
                                  List<Identifies.Kind> kinds, List<String> itemIds, String legalBasis,
                                  @Personal String reason) {
}

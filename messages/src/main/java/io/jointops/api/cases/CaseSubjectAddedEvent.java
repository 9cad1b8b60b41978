package io.jointops.api.cases;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/**
 * A subject was named in the case. Its value is an identifier (deconfliction matches it against every other agency's
 * items) and personal data of that identifier's subject (crypto-shredding).
 *
 * @param subjectId follows from the case, the kind and the canonical form: the same identifier is one subject
 * @param value     as the officer wrote it
 * @param canonical its canonical form ({@code io.jointops.identifiers.Identifier#canonical()}), e.g. {@code +12025550143}
 * @param country   the country a phone number written without its country code is dialled in; null otherwise
 * @param label     the subject's role in the case, in the officers' words; null if none
 * @param agency    the agency of the officer who named it
 * @param addedBy   the officer who named it
 */
@Revision("1")
@NonPersonal
public record CaseSubjectAddedEvent(
        String caseId,
        String subjectId,
        Identifies.Kind kind,
        @Identifies(kindFrom = "kind", countryFrom = "country") @Personal String value,
        @Personal(subjectFrom = "value") String canonical,
        String country,
        @Personal String label,
        String agency,
        String addedBy) {
}

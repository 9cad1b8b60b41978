package io.jointops.cases.command;

import io.jointops.api.cases.SharedItemRef;

import java.util.Optional;
import java.util.Set;

/**
 * What case-service knows of a case when a cooperation request attaches items to it: the agencies taking part and the
 * items linked to it. A linked item was confirmed by its owning service as visible to every agency of the case, so
 * it may be attached to a request to another agency of that case; case-service knows nothing of any other item.
 */
public interface CaseAttachments {

    /** The case's agencies and linked items, or empty if there is no such case. */
    Optional<CaseItems> of(String caseId);

    record CaseItems(Set<String> agencies, Set<SharedItemRef> linkedItems) {
    }
}

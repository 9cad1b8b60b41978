package io.jointops.cases.command;

import io.jointops.api.cases.SharedItemRef;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What case-service knows of a case when a cooperation request attaches items to it: the agencies taking part and the
 * items linked to it. A linked item was confirmed by its owning service as visible to the agencies the case had when
 * it was linked, so it may be attached to a request to one of those; not to an agency that joined the case later, and
 * case-service knows nothing of any other item.
 */
public interface CaseLinkedItems {

    /** The case's agencies and linked items, or empty if there is no such case. */
    Optional<CaseItems> of(String caseId);

    /** @param audiences per linked item, the agencies it was confirmed for when it was linked */
    record CaseItems(Set<String> agencies, Map<SharedItemRef, Set<String>> audiences) {

        /** Items linked while the case had exactly {@code agencies}: each confirmed for all of them. */
        public CaseItems(Set<String> agencies, Set<SharedItemRef> linkedItems) {
            this(agencies, linkedItems.stream().collect(Collectors.toUnmodifiableMap(item -> item, item -> agencies)));
        }

        public boolean isLinked(SharedItemRef item) {
            return audiences.containsKey(item);
        }

        /** Whether the item is linked and its owner confirmed {@code agency} may see it. */
        public boolean visibleTo(SharedItemRef item, String agency) {
            return audiences.getOrDefault(item, Set.of()).contains(agency);
        }
    }
}

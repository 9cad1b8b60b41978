package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/**
 * An agency searched for an entity that a report it may not see names: the searcher learnt nothing, the owner of
 * the report is told who asked, so the two can talk. Published on its own, not in the report's stream.
 *
 * @param normalised the searched entity's normal form
 * @param rule       how the search matched the report's entity ({@code exact}, {@code case-and-punctuation},
 *                   {@code e164}, {@code pinyin}, ...; the ids of {@code io.jointops.identifiers.MatchRule}): a
 *                   {@code pinyin} or other similar match may name another person. Revision 1 did not say; read
 *                   as the rule of the entity type's normal form, which is what matched then.
 */
@Revision("2")
@NonPersonal
public record IntelEntityHiddenHitEvent(String reportId, String ownerAgency, String searchingAgency,
                                        String searcher, EntityType entityType,
                                        @Personal(kindFrom = "entityType") String normalised, String rule) {
}

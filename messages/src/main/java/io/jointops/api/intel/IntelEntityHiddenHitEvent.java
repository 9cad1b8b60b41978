package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

/**
 * An agency searched for an entity that a report it may not see names: the searcher learnt nothing, the owner of
 * the report is told who asked, so the two can talk. Published on its own, not in the report's stream.
 */
@Revision("1")
public record IntelEntityHiddenHitEvent(String reportId, String ownerAgency, String searchingAgency,
                                        String searcher, EntityType entityType, String normalised) {
}

package io.jointops.intel.query.takedownview;

import io.jointops.platform.query.SharedItem;
import io.jointops.platform.query.Versioned;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A takedown request as its requesting agency sees it. {@code version} is the aggregate's version, used as ETag.
 *
 * @param urls            every URL the content was seen at, first the requested one, then each reappearance's
 * @param round           1 for the request, +1 for each reappearance
 * @param openedAt        when the current round began: the request, or the last reappearance
 * @param secondsToRemoval of the last removal, from the start of its round; null until removed
 */
public record TakedownView(
        String id,
        String platform,
        String url,
        List<String> urls,
        String contentType,
        String offence,
        String evidenceSha256,
        Instant evidenceCapturedAt,
        String legalBasis,
        String requestingAgency,
        String status,
        String rejectionReason,
        int round,
        Instant requestedAt,
        Instant openedAt,
        Instant acknowledgedAt,
        Instant removedAt,
        Instant rejectedAt,
        Long secondsToAcknowledge,
        Long secondsToRemoval,
        long version,
        String requestedBy,
        Instant updatedAt) implements Versioned, SharedItem {

    /** The requesting agency alone. */
    @Override
    public Set<String> audience() {
        return Set.of(requestingAgency);
    }
}

package io.jointops.api.intel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * An agency asks an online platform to take illegal drug content down.
 *
 * @param evidenceSha256    SHA-256 of the evidence snapshot, 64 hex digits
 * @param evidenceCapturedAt when the snapshot was captured
 * @param requestedAt       when the request went to the platform
 */
public record RequestTakedownCommand(
        @TargetAggregateIdentifier String takedownId,
        String platform,
        String url,
        TakedownContentType contentType,
        String offence,
        String evidenceSha256,
        Instant evidenceCapturedAt,
        String legalBasis,
        String requestingAgency,
        Instant requestedAt) {
}

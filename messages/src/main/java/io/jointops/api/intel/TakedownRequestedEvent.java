package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** @param platform the platform's name as given, trimmed; {@code url} normalised like a URL entity */
@Revision("1")
public record TakedownRequestedEvent(
        String takedownId,
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

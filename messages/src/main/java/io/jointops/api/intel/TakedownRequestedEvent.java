package io.jointops.api.intel;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** @param platform the platform's name as given, trimmed; {@code url} normalised like a URL entity */
@Revision("1")
@NonPersonal
public record TakedownRequestedEvent(
        String takedownId,
        String platform,
        @Personal(kind = Identifies.Kind.URL) String url,
        TakedownContentType contentType,
        String offence,
        String evidenceSha256,
        Instant evidenceCapturedAt,
        String legalBasis,
        String requestingAgency,
        Instant requestedAt) {
}

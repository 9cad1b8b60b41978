package io.jointops.api.intel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
        @NotBlank @Size(max = 100) String platform,
        @NotBlank @Size(max = 2000) String url,
        @NotNull TakedownContentType contentType,
        @NotBlank @Size(max = 500) String offence,
        @NotBlank(message = "must be the SHA-256 of the evidence snapshot, 64 hex digits") String evidenceSha256,
        @NotNull Instant evidenceCapturedAt,
        @NotBlank @Size(max = 500) String legalBasis,
        @NotBlank String requestingAgency,
        @NotNull Instant requestedAt) {
}

package io.jointops.api.finance;

import jakarta.annotation.Nullable;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** @param expiresAt the new expiry; {@code null}: one more period of the receiving country's rule */
public record ExtendFreezeCommand(@TargetAggregateIdentifier String requestId, @Nullable String agency, Instant expiresAt,
                                  Long expectedVersion) {
}

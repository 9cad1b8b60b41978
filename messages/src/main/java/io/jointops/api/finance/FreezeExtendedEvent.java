package io.jointops.api.finance;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
@NonPersonal
public record FreezeExtendedEvent(String requestId, Instant previousExpiry, Instant expiresAt) {
}

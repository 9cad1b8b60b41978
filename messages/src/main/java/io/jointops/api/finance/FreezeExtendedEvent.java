package io.jointops.api.finance;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record FreezeExtendedEvent(String requestId, Instant previousExpiry, Instant expiresAt) {
}

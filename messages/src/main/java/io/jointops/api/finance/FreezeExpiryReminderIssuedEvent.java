package io.jointops.api.finance;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The freeze lapses at {@code expiresAt} unless extended: a reminder to both agencies. */
@Revision("1")
public record FreezeExpiryReminderIssuedEvent(String requestId, Instant expiresAt) {
}

package io.jointops.api.finance;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The freeze lapses at {@code expiresAt} unless extended: a reminder to both agencies. */
@Revision("1")
@NonPersonal
public record FreezeExpiryReminderIssuedEvent(String requestId, Instant expiresAt) {
}

package io.jointops.finance.command;

import java.time.Instant;

/**
 * The payload of a freeze's expiry and reminder deadlines (stored by the deadline manager, so public and plain): the
 * expiry it was scheduled for. A deadline whose expiry is no longer the freeze's (extended, released) does nothing.
 */
public record FreezeDeadline(Instant expiresAt) {
}

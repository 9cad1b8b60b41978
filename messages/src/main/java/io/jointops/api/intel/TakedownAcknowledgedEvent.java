package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The platform acknowledged the request at {@code acknowledgedAt}. */
@Revision("1")
public record TakedownAcknowledgedEvent(String takedownId, Instant acknowledgedAt) {
}

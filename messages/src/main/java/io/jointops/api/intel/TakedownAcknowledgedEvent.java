package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The platform acknowledged the request at {@code acknowledgedAt}. */
@Revision("1")
@NonPersonal
public record TakedownAcknowledgedEvent(String takedownId, Instant acknowledgedAt) {
}

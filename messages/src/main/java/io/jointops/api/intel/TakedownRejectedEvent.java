package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The platform refused to remove the content. */
@Revision("1")
@NonPersonal
public record TakedownRejectedEvent(String takedownId, @Personal String reason, Instant rejectedAt) {
}

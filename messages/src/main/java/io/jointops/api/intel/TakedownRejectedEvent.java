package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The platform refused to remove the content. */
@Revision("1")
public record TakedownRejectedEvent(String takedownId, String reason, Instant rejectedAt) {
}

package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The platform removed the content at {@code removedAt}. */
@Revision("1")
public record TakedownContentRemovedEvent(String takedownId, Instant removedAt) {
}

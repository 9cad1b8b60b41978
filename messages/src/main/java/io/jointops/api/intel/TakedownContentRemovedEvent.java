package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The platform removed the content at {@code removedAt}. */
@Revision("1")
@NonPersonal
public record TakedownContentRemovedEvent(String takedownId, Instant removedAt) {
}

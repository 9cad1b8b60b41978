package io.jointops.api.intel;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Removed content reappeared at {@code url} (normalised); the request is reopened as of {@code seenAt}. */
@Revision("1")
public record TakedownContentReappearedEvent(String takedownId, String url, Instant seenAt) {
}

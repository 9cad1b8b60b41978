package io.jointops.api.intel;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Removed content reappeared at {@code url} (normalised); the request is reopened as of {@code seenAt}. */
@Revision("1")
@NonPersonal
public record TakedownContentReappearedEvent(String takedownId,
                                             @Personal(kind = Identifies.Kind.URL) String url, Instant seenAt) {
}

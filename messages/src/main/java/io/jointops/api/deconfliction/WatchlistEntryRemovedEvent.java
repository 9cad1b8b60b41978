package io.jointops.api.deconfliction;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

@Revision("1")
@NonPersonal
public record WatchlistEntryRemovedEvent(String watchlistId, String agency, String entryId) {
}

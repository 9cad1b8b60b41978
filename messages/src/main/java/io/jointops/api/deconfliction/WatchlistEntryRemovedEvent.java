package io.jointops.api.deconfliction;

import org.axonframework.serialization.Revision;

@Revision("1")
public record WatchlistEntryRemovedEvent(String watchlistId, String agency, String entryId) {
}

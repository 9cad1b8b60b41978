package io.jointops.api.deconfliction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agency takes an entry off its watchlist: no alert for it from then on. */
public record RemoveWatchlistEntryCommand(@TargetAggregateIdentifier String watchlistId, String agency,
                                          String entryId) {
}

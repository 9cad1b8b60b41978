package io.jointops.api.deconfliction;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agency takes an entry off its watchlist: no alert for it from then on. */
public record RemoveWatchlistEntryCommand(@TargetAggregateIdentifier String watchlistId, @Nullable String agency,
                                          @NotBlank String entryId) {
}

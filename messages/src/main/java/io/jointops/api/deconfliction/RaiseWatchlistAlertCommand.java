package io.jointops.api.deconfliction;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An item released to the agency names an entry of its watchlist: raise the alert, once per entry and item.
 *
 * @param path  where the item's event names it, e.g. {@code entities[0].value}
 * @param value the item's value, as written there
 * @param country the country the item reads a phone number written without its country code in; null if none (the item is released to the agency)
 * @param rule  the rule it matched the entry by ({@code io.jointops.identifiers.MatchRule#id()})
 */
public record RaiseWatchlistAlertCommand(@TargetAggregateIdentifier String watchlistId, @NotBlank String agency, @NotBlank String entryId,
                                         ItemRef item, long sequence, @Nullable String path, @Nullable String value, @Nullable String country,
                                         @NotBlank String rule) {
}

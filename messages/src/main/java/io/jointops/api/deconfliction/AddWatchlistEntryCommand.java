package io.jointops.api.deconfliction;

import io.jointops.api.shared.Identifies;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An agency puts an identifier on its watchlist (one watchlist per agency, created by its first entry). The entry's id
 * follows from its kind and canonical form, so the same identifier entered twice is one entry; the handler answers it.
 *
 * @param country ISO 3166-1 alpha-2 country a phone number written without its country code is dialled in; null
 * @param label   what the entry is about, in the agency's words (optional)
 */
public record AddWatchlistEntryCommand(@TargetAggregateIdentifier String watchlistId, @Nullable String agency,
                                       @NotNull Identifies.Kind kind, @NotBlank @Size(max = 500) String value, @Nullable String country, @Nullable @Size(max = 500) String label) {
}

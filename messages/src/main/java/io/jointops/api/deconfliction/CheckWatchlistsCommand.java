package io.jointops.api.deconfliction;

import io.jointops.api.shared.NamedIdentifier;
import org.axonframework.commandhandling.RoutingKey;

import java.util.List;

/**
 * The partner feed put event {@code sequence} of {@code item} on {@code agency}'s feed, and the event, as the agency is
 * shown it, names these identifiers: intel-service matches them against the agency's watchlist. Sent by every
 * service's feed (platform {@code watchlist}) once per event and agency; intel-service raises an alert per entry and
 * item once, so a repeat is harmless.
 */
public record CheckWatchlistsCommand(@RoutingKey String agency, ItemRef item, long sequence,
                                     List<NamedIdentifier> identifiers) {

    public CheckWatchlistsCommand {
        identifiers = List.copyOf(identifiers);
    }
}

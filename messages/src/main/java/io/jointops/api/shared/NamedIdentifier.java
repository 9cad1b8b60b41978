package io.jointops.api.shared;

import java.util.List;

/**
 * One identifier a message names, found by its {@link Identifies} marks (platform's {@code NamedIdentifiers}).
 *
 * @param path    where in the message, e.g. {@code consignee.name}, {@code transactions[3].toAccount.iban},
 *                {@code content.entities[0].value}
 * @param kinds   what it may name: one kind, or several where the contract does not say which
 * @param value   as written
 * @param country ISO 3166-1 alpha-2 country a phone number without its country code is dialled in; null if none
 */
public record NamedIdentifier(String path, List<Identifies.Kind> kinds, String value, String country) {

    public NamedIdentifier {
        kinds = List.copyOf(kinds);
    }
}

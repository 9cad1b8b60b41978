package io.jointops.api.chemicals;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;

/**
 * A postal address as a pre-export notification states it.
 *
 * @param postalCode may be null where the country has none
 * @param country    ISO 3166-1 alpha-2 code, e.g. {@code NL}
 */
@NonPersonal
public record Address(@Personal String street, @Personal String city, @Personal String postalCode, String country) {
}

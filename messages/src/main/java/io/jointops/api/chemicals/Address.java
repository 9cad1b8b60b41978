package io.jointops.api.chemicals;

/**
 * A postal address as a pre-export notification states it.
 *
 * @param postalCode may be null where the country has none
 * @param country    ISO 3166-1 alpha-2 code, e.g. {@code NL}
 */
public record Address(String street, String city, String postalCode, String country) {
}

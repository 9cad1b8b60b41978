package io.jointops.api.chemicals;

import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A postal address as a pre-export notification states it.
 *
 * @param postalCode may be null where the country has none
 * @param country    ISO 3166-1 alpha-2 code, e.g. {@code NL}
 */
@NonPersonal
public record Address(@Personal @NotBlank @Size(max = 200) String street, @Personal @NotBlank @Size(max = 100) String city, @Personal @Nullable @Size(max = 20) String postalCode, @NotBlank String country) {
}

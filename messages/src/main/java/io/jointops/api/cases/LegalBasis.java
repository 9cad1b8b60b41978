package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The legal basis of a cooperation request.
 *
 * @param text      in words
 * @param reference the instrument and article, e.g. a treaty or an MLA article
 */
@NonPersonal
public record LegalBasis(@NonPersonal @NotBlank @Size(max = 2000) String text, @NotBlank @Size(max = 200) String reference) {
}

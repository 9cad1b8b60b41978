package io.jointops.api.cases;

import io.jointops.api.shared.NonPersonal;

/**
 * The legal basis of a cooperation request.
 *
 * @param text      in words
 * @param reference the instrument and article, e.g. a treaty or an MLA article
 */
@NonPersonal
public record LegalBasis(@NonPersonal String text, String reference) {
}

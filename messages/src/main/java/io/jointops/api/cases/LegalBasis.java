package io.jointops.api.cases;

/**
 * The legal basis of a cooperation request.
 *
 * @param text      in words
 * @param reference the instrument and article, e.g. a treaty or an MLA article
 */
public record LegalBasis(String text, String reference) {
}

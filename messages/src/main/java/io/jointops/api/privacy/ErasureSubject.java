package io.jointops.api.privacy;

import io.jointops.api.shared.Identifies;

/**
 * A data subject to erase, as the officer names it: an identifier of a kind, written in any of its equivalent forms
 * (case, punctuation, a phone number's formats). Only in commands: events keep its reference alone.
 *
 * @param country where a phone number written without its country code is dialled (ISO 3166-1 alpha-2), or null
 */
public record ErasureSubject(Identifies.Kind kind, String value, String country) {
}

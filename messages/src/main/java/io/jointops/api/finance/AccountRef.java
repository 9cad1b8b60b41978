package io.jointops.api.finance;

/**
 * A bank account as a report or request names it: either an IBAN (ISO 13616, stored without spaces, upper case), or
 * an account number with the bank's identifier (BIC or national bank code) and the ISO 3166-1 alpha-2 country.
 */
public record AccountRef(String iban, String number, String bankId, String country) {
}

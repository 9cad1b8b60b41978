package io.jointops.api.finance;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;

import static io.jointops.api.shared.Identifies.Kind.BANK_ACCOUNT;
import static io.jointops.api.shared.Identifies.Kind.IBAN;

/**
 * A bank account as a report or request names it: either an IBAN (ISO 13616, stored without spaces, upper case), or
 * an account number with the bank's identifier (BIC or national bank code) and the ISO 3166-1 alpha-2 country.
 */
@NonPersonal
public record AccountRef(@Identifies(kind = IBAN) @Personal String iban,
                         @Identifies(kind = BANK_ACCOUNT) @Personal String number,
                         String bankId, String country) {
}

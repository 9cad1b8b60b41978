package io.jointops.identifiers;

import org.junit.jupiter.api.Test;

import static io.jointops.identifiers.IdentifierKind.BANK_ACCOUNT;
import static io.jointops.identifiers.IdentifierKind.CAS_NUMBER;
import static io.jointops.identifiers.IdentifierKind.FLIGHT_NUMBER;
import static io.jointops.identifiers.IdentifierKind.IBAN;
import static io.jointops.identifiers.IdentifierKind.PHONE_NUMBER;
import static io.jointops.identifiers.IdentifierKind.VESSEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Phone numbers, accounts and codes: their rules, and phone numbers read in a country. */
class NumberMatchingTest {

    @Test
    void aNationalNumberIsReadInTheCountryGiven() {
        Identifier national = Identifiers.of(PHONE_NUMBER, "(202) 555-0143", "US");
        assertThat(national.canonical()).isEqualTo("+12025550143");
        assertThat(national.matches(Identifiers.of(PHONE_NUMBER, "+12025550143"))).contains(MatchRule.E164);
        assertThat(Identifiers.of(PHONE_NUMBER, "+12025550143").matches(national)).contains(MatchRule.E164);
        assertThat(national.matches(Identifiers.of(PHONE_NUMBER, "(202) 555-0143", "us"))).contains(MatchRule.EXACT);
        // the same digits dialled in another country are another number, also as written
        Identifier london = Identifiers.of(PHONE_NUMBER, "020 7946 0958", "GB");
        Identifier guangzhou = Identifiers.of(PHONE_NUMBER, "020 7946 0958", "CN");
        assertThat(london.canonical()).isEqualTo("+442079460958");
        assertThat(guangzhou.canonical()).isEqualTo("+862079460958");
        assertThat(london.matches(guangzhou)).isEmpty();
        assertThat(Identifiers.of(PHONE_NUMBER, "010 1234 5678", "CN").canonical()).isEqualTo("+861012345678");
        assertThat(Identifiers.of(PHONE_NUMBER, "55 1234 5678", "MX").canonical()).isEqualTo("+525512345678");
        // the country's own international prefix: 011 from the US, 00 from China
        assertThat(Identifiers.of(PHONE_NUMBER, "011 86 10 1234 5678", "US").canonical()).isEqualTo("+861012345678");
        assertThat(Identifiers.of(PHONE_NUMBER, "00 1 202 555 0143", "CN").canonical()).isEqualTo("+12025550143");
        // a number with its country code keeps it, whatever country is given
        assertThat(Identifiers.of(PHONE_NUMBER, "+86 10 1234 5678", "US").canonical()).isEqualTo("+861012345678");
    }

    @Test
    void fullWidthDigitsAreDigits() {
        assertThat(Identifiers.of(PHONE_NUMBER, "（２０２）５５５－０１４３", "US").canonical()).isEqualTo("+12025550143");
        assertThat(Identifiers.of(PHONE_NUMBER, "＋１ ２０２ ５５５ ０１４３").matches(Identifiers.of(PHONE_NUMBER, "+1 202 555 0143")))
                .contains(MatchRule.EXACT);
    }

    @Test
    void aNumberWithoutItsCountryCodeIsRefusedUnlessTheCountryIsGiven() {
        assertThatThrownBy(() -> Identifiers.of(PHONE_NUMBER, "(202) 555-0143"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("no international phone number: give the country code")
                .extracting(e -> ((InvalidIdentifierException) e).part()).isEqualTo(InvalidIdentifierException.Part.VALUE);
    }

    @Test
    void anUnknownCountryIsTheCountrysFault() {
        for (String country : new String[]{"XX", "USA", "1"}) {
            assertThatThrownBy(() -> Identifiers.of(PHONE_NUMBER, "(202) 555-0143", country))
                    .isInstanceOf(InvalidIdentifierException.class)
                    .hasMessageContaining("ISO 3166-1 alpha-2")
                    .extracting(e -> ((InvalidIdentifierException) e).part()).isEqualTo(InvalidIdentifierException.Part.COUNTRY);
        }
    }

    @Test
    void anIbanMatchesWithoutSpacesAndAsABankAccount() {
        Identifier iban = Identifiers.of(IBAN, "DE89 3704 0044 0532 0130 00");
        assertThat(iban.matches(Identifiers.of(IBAN, "de89370400440532013000"))).contains(MatchRule.IBAN);
        assertThat(iban.matches(Identifiers.of(BANK_ACCOUNT, "DE89-3704-0044-0532-0130-00"))).contains(MatchRule.IBAN);
        assertThat(iban.matches(Identifiers.of(BANK_ACCOUNT, "0532013000"))).isEmpty();
        assertThat(Identifiers.of(BANK_ACCOUNT, "0532 0130 00").matches(Identifiers.of(BANK_ACCOUNT, "0532-013000")))
                .contains(MatchRule.CASE_AND_PUNCTUATION);
        assertThat(iban.matches(Identifiers.of(PHONE_NUMBER, "+49 30 1234567"))).isEmpty();
    }

    @Test
    void codesMatchByTheirRule() {
        assertThat(Identifiers.of(VESSEL, "IMO 9074729").matches(Identifiers.of(VESSEL, "imo9074729"))).contains(MatchRule.IMO);
        assertThat(Identifiers.of(VESSEL, "IMO 9074729").matches(Identifiers.of(VESSEL, "IMO 9074729"))).contains(MatchRule.EXACT);
        assertThat(Identifiers.of(CAS_NUMBER, "79-10-7").matches(Identifiers.of(CAS_NUMBER, "0079-10-7"))).contains(MatchRule.CAS);
        assertThat(Identifiers.of(FLIGHT_NUMBER, "CA 981").matches(Identifiers.of(FLIGHT_NUMBER, "ca0981"))).contains(MatchRule.FLIGHT_NUMBER);
        assertThat(Identifiers.of(FLIGHT_NUMBER, "CA 981").matches(Identifiers.of(FLIGHT_NUMBER, "CA 982"))).isEmpty();
        assertThat(MatchRule.E164.strength()).isEqualTo(MatchStrength.EQUIVALENT);
        assertThat(MatchRule.IBAN.strength()).isEqualTo(MatchStrength.EQUIVALENT);
    }
}

package io.jointops.finance.command;

import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.WalletRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FinanceCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "de89 3704 0044 0532 0130 00", "GB82WEST12345698765432",
            "FR1420041010050500013M02606", "NL91ABNA0417164300", "NO9386011117947", "MT84MALT011000012345MTLCAST001S",
            "CH9300762011623852957"})
    void acceptsValidIbans(String iban) {
        assertThat(FinanceCodes.ibanFault(iban)).isNull();
    }

    @Test
    void refusesWrongCheckDigits() {
        assertThat(FinanceCodes.ibanFault("DE89370400440532013001")).contains("mod-97");
        assertThat(FinanceCodes.ibanFault("GB82WEST12345698765433")).contains("mod-97");
    }

    @Test
    void refusesTheWrongLengthForTheCountry() {
        assertThat(FinanceCodes.ibanFault("DE8937040044053201300")).contains("22 characters, not 21");
        assertThat(FinanceCodes.ibanFault("NO93860111179470")).contains("15 characters, not 16");
    }

    @ParameterizedTest
    @CsvSource({"US12345678901234567890, US does not use IBANs", "CN12345678901234, CN does not use IBANs",
            "1234, must be a country code", "DE89-3704, must be a country code"})
    void refusesCountriesWithoutIbansAndMalformedOnes(String iban, String fault) {
        assertThat(FinanceCodes.ibanFault(iban)).contains(fault);
    }

    @Test
    void currenciesAreIso4217Codes() {
        assertThat(FinanceCodes.isCurrency("USD")).isTrue();
        assertThat(FinanceCodes.isCurrency("CNY")).isTrue();
        assertThat(FinanceCodes.isCurrency("EUR")).isTrue();
        assertThat(FinanceCodes.isCurrency("usd")).isFalse();
        assertThat(FinanceCodes.isCurrency("XYZ")).isFalse();
        assertThat(FinanceCodes.isCurrency("RMB")).isFalse();
        assertThat(FinanceCodes.isCurrency(null)).isFalse();
        assertThat(FinanceCodes.currencyFault("RMB")).contains("ISO 4217");
    }

    @Test
    void countriesAreIso3166Alpha2Codes() {
        assertThat(FinanceCodes.isCountry("CN")).isTrue();
        assertThat(FinanceCodes.isCountry("US")).isTrue();
        assertThat(FinanceCodes.isCountry("MX")).isTrue();
        assertThat(FinanceCodes.isCountry("UK")).isFalse();
        assertThat(FinanceCodes.isCountry("cn")).isFalse();
        assertThat(FinanceCodes.isCountry("CHN")).isFalse();
        assertThat(FinanceCodes.countryFault("XX")).contains("ISO 3166-1");
    }

    @Test
    void anAccountWithoutIbanNeedsNumberBankAndCountry() {
        assertThat(FinanceCodes.accountFault(new AccountRef(null, "000123456789", "026009593", "US"))).isNull();
        assertThat(FinanceCodes.accountFault(new AccountRef(null, null, "026009593", "US")).field()).isEqualTo("number");
        assertThat(FinanceCodes.accountFault(new AccountRef(null, "000123456789", null, "US")).field()).isEqualTo("bankId");
        assertThat(FinanceCodes.accountFault(new AccountRef(null, "000123456789", "026009593", "UK")).field()).isEqualTo("country");
        assertThat(FinanceCodes.accountFault(new AccountRef("DE89370400440532013001", null, null, null)).field()).isEqualTo("iban");
        assertThat(FinanceCodes.accountFault(new AccountRef("DE89370400440532013000", null, null, "FR")).field()).isEqualTo("country");
    }

    @Test
    void walletsNeedAKnownChainAndAnAddressOfItsShape() {
        assertThat(FinanceCodes.walletFault(new WalletRef("BTC", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"))).isNull();
        assertThat(FinanceCodes.walletFault(new WalletRef("BTC", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"))).isNull();
        assertThat(FinanceCodes.walletFault(new WalletRef("ETH", "0x52908400098527886E0F7030069857D2E4169EE7"))).isNull();
        assertThat(FinanceCodes.walletFault(new WalletRef("TRX", "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9"))).isNull();
        assertThat(FinanceCodes.walletFault(new WalletRef("DOGE", "D5abc")).field()).isEqualTo("chain");
        assertThat(FinanceCodes.walletFault(new WalletRef("ETH", "0x5290")).field()).isEqualTo("address");
        assertThat(FinanceCodes.walletFault(new WalletRef("BTC", "0OIl-not-base58-at-all-xxxxxxxxxx")).field()).isEqualTo("address");
    }
}

package io.jointops.finance.command;

import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.WalletRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Entity resolution: the same account or wallet, however a report spells it, is one node. */
class MoneyNodesTest {

    @Test
    void anIbanIsOneNodeWithOrWithoutSpacesInAnyCase() {
        assertThat(MoneyNodes.account(new AccountRef("de89 3704 0044 0532 0130 00", null, null, null)))
                .isEqualTo(MoneyNodes.account(new AccountRef("DE89370400440532013000", null, null, "DE")))
                .isEqualTo("IBAN:DE89370400440532013000");
        assertThat(MoneyNodes.country(new AccountRef("de89 3704 0044 0532 0130 00", null, null, null))).isEqualTo("DE");
    }

    @Test
    void otherAccountsAreCountryBankAndNumberWithoutSeparators() {
        assertThat(MoneyNodes.account(new AccountRef(null, "6222-0212 3456 7890", "icbkcnbj", "CN")))
                .isEqualTo(MoneyNodes.account(new AccountRef(null, "6222021234567890", "ICBKCNBJ", "CN")))
                .isEqualTo("ACCT:CN:ICBKCNBJ:6222021234567890");
        // the same number at another bank or in another country is another account
        assertThat(MoneyNodes.account(new AccountRef(null, "6222021234567890", "BKCHCNBJ", "CN")))
                .isNotEqualTo("ACCT:CN:ICBKCNBJ:6222021234567890");
    }

    @Test
    void hexWalletsIgnoreCaseOthersKeepIt() {
        assertThat(MoneyNodes.wallet(new WalletRef("ETH", "0x52908400098527886E0F7030069857D2E4169EE7")))
                .isEqualTo(MoneyNodes.wallet(new WalletRef("ETH", "0x52908400098527886e0f7030069857d2e4169ee7")));
        assertThat(MoneyNodes.wallet(new WalletRef("BTC", "BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ")))
                .isEqualTo("WALLET:BTC:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
        assertThat(MoneyNodes.wallet(new WalletRef("TRX", "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9")))
                .isEqualTo("WALLET:TRX:TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9");
    }
}

package io.jointops.finance.web;

import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.ReportCode;
import io.jointops.api.finance.ReportedTransaction;
import io.jointops.api.finance.WalletRef;
import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.finance.web.FinanceConstraints.AccountReference;
import io.jointops.finance.web.FinanceConstraints.CountryCode;
import io.jointops.finance.web.FinanceConstraints.CurrencyCode;
import io.jointops.finance.web.FinanceConstraints.OneAccountOrWalletPerSide;
import io.jointops.finance.web.FinanceConstraints.Sides;
import io.jointops.finance.web.FinanceConstraints.ValidAccount;
import io.jointops.finance.web.FinanceConstraints.ValidWallet;
import io.jointops.finance.web.FinanceConstraints.WalletReference;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the transaction report API. The owner agency is never among them: it is the caller's. */
final class TransactionReportRequests {

    static final String AGENCY_MESSAGE = "must be an agency code such as US-DEA";
    /** A bulk import's upper bound, as the aggregate's. */
    static final int MAX_TRANSACTIONS = 20_000;

    private TransactionReportRequests() {
    }

    /**
     * The transactions are validated by the controller, in chunks with progress in the log, rather than before it is
     * called: so they carry no {@code @Valid} here.
     */
    @Schema(example = """
            {"reportCode":"STR","reportingEntity":"First Harbour Bank","submissionDate":"2026-10-14",
             "reason":"Structured cash deposits below the reporting threshold",
             "reportingPerson":"J. Smith, compliance officer","indicators":["structuring"],
             "transactions":[{"number":"TX-0001","date":"2026-10-01","amount":9500,"currency":"USD",
             "mode":"cash deposit","fromName":"Zhang Wei","fromAccount":{"number":"123456789","bankId":"FHBKUS33",
             "country":"US"},"toName":"Harbour Trading LLC","toAccount":{"iban":"DE89 3704 0044 0532 0130 00"}}],
             "releasedTo":["US-DEA"],"tlp":"TLP:AMBER","handlingCode":"H2"}""")
    record FileReport(
            @NotNull ReportCode reportCode,
            @NotBlank @Size(max = 200) String reportingEntity,
            @NotNull LocalDate submissionDate,
            @NotBlank @Size(max = 4000) String reason,
            @Size(max = 200) String reportingPerson,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> indicators,
            @Size(max = MAX_TRANSACTIONS) List<Transaction> transactions,
            @Size(max = 30) List<@NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String> releasedTo,
            @NotNull Tlp tlp,
            @NotNull HandlingCode handlingCode) {
    }

    @Schema(name = "ReleaseTransactionReport", example = """
            {"agency":"US-DEA"}""")
    record Release(@NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String agency) {
    }

    /** One goAML transaction; each side is an account or a wallet. */
    @OneAccountOrWalletPerSide
    record Transaction(
            @NotBlank @Size(max = 50) String number,
            @NotNull LocalDate date,
            @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
            @NotNull @CurrencyCode String currency,
            @Size(max = 30) String mode,
            @Size(max = 200) String fromName,
            @Valid Account fromAccount,
            @Valid Wallet fromWallet,
            @Size(max = 200) String toName,
            @Valid Account toAccount,
            @Valid Wallet toWallet) implements Sides {

        ReportedTransaction toTransaction() {
            return new ReportedTransaction(number, date, amount, currency, mode, fromName,
                    fromAccount == null ? null : fromAccount.toRef(), fromWallet == null ? null : fromWallet.toRef(),
                    toName, toAccount == null ? null : toAccount.toRef(), toWallet == null ? null : toWallet.toRef());
        }
    }

    /** An IBAN, or an account number with the bank's identifier and the country. */
    @ValidAccount
    record Account(@Size(max = 42) String iban, @Size(max = 40) String number, @Size(max = 35) String bankId,
                   @CountryCode String country) implements AccountReference {
        @Override
        public AccountRef toRef() {
            return new AccountRef(iban, number, bankId, country);
        }
    }

    @ValidWallet
    record Wallet(@Size(max = 20) String chain, @Size(max = 120) String address) implements WalletReference {
        @Override
        public WalletRef toRef() {
            return new WalletRef(chain, address);
        }
    }
}

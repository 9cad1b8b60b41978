package io.jointops.finance.command;

import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.ReportedTransaction;
import io.jointops.api.finance.WalletRef;
import io.jointops.finance.command.FinanceCodes.Fault;

import java.math.BigDecimal;

/** The checks of one reported transaction, its fields named relative to the transaction (e.g. {@code fromAccount.iban}). */
public final class TransactionChecks {

    /** 15 integer digits: more than any real transfer, small enough for NUMERIC(19,4). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999");

    private TransactionChecks() {
    }

    /**
     * The first fault of {@code transaction} that its constraints (ReportedTransaction, checked before the command is
     * handled) cannot state, or {@code null}.
     */
    public static Fault fault(ReportedTransaction transaction) {
        if (transaction.amount() == null || transaction.amount().signum() <= 0
                || transaction.amount().compareTo(MAX_AMOUNT) > 0 || transaction.amount().scale() > 4) {
            return new Fault("amount", "must be positive, below 10^15, with at most 4 decimals");
        }
        String currency = FinanceCodes.currencyFault(transaction.currency());
        if (currency != null) {
            return new Fault("currency", currency);
        }
        Fault from = side("from", transaction.fromAccount(), transaction.fromWallet());
        return from != null ? from : side("to", transaction.toAccount(), transaction.toWallet());
    }

    /** One side of a transaction: exactly one of an account and a wallet, valid. */
    public static Fault side(String side, AccountRef account, WalletRef wallet) {
        if ((account == null) == (wallet == null)) {
            return new Fault(side + "Account", "give either " + side + "Account or " + side + "Wallet");
        }
        if (account != null) {
            Fault fault = FinanceCodes.accountFault(account);
            return fault == null ? null : fault.under(side + "Account");
        }
        Fault fault = FinanceCodes.walletFault(wallet);
        return fault == null ? null : fault.under(side + "Wallet");
    }
}

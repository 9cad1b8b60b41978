package io.jointops.finance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.WalletRef;
import io.jointops.finance.command.FinanceCodes;
import io.jointops.finance.command.FinanceCodes.Fault;
import io.jointops.finance.command.MoneyNodes;
import io.jointops.finance.query.moneyflow.MoneyFlows;
import io.jointops.finance.query.moneyflow.MoneyFlows.Direction;
import io.jointops.finance.query.moneyflow.Trace;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Follow the money: from an account ({@code iban}, or {@code accountNumber} + {@code bankId} + {@code country}) or a
 * wallet ({@code chain} + {@code address}), the flows up to {@code hops} (≤ 6) forward or backward within the dates,
 * over the reports the caller's agency may see.
 */
@RestController
@RequestMapping("/api/finance/tracing")
class TracingController {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private final MoneyFlows flows;

    TracingController(MoneyFlows flows) {
        this.flows = flows;
    }

    @Operation(summary = "Follow the money from an account through the reports the caller's agency may see")
    @GetMapping
    Trace trace(Caller caller,
                @RequestParam(required = false) String iban,
                @RequestParam(required = false) String accountNumber,
                @RequestParam(required = false) String bankId,
                @RequestParam(required = false) String country,
                @RequestParam(required = false) String chain,
                @RequestParam(required = false) String address,
                @RequestParam(defaultValue = "forward") String direction,
                @RequestParam(defaultValue = "3") @Min(1) @Max(MoneyFlows.MAX_HOPS) int hops,
                @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) LocalDate to,
                @RequestParam(defaultValue = "1000") @Min(0) @Max(10_000) int edgeLimit) {
        Direction way = switch (direction.toLowerCase(Locale.ROOT)) {
            case "forward" -> Direction.FORWARD;
            case "backward" -> Direction.BACKWARD;
            default -> throw new InvalidRequestException("direction", "must be forward or backward");
        };
        LocalDate since = from == null ? EARLIEST : from;
        LocalDate until = to == null ? LATEST : to;
        if (since.isAfter(until)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        return flows.trace(start(iban, accountNumber, bankId, country, chain, address), way, hops, since, until,
                caller.agencyFilter(), edgeLimit);
    }

    private static String start(String iban, String accountNumber, String bankId, String country, String chain,
                                String address) {
        boolean account = iban != null || accountNumber != null;
        boolean wallet = chain != null || address != null;
        if (account == wallet) {
            throw new InvalidRequestException("iban", "start from one account (iban, or accountNumber with bankId and "
                    + "country) or one wallet (chain and address)");
        }
        if (account) {
            AccountRef ref = new AccountRef(iban, iban == null ? accountNumber : null, iban == null ? bankId : null,
                    iban == null ? country : null);
            Fault fault = FinanceCodes.accountFault(ref);
            if (fault != null) {
                throw new InvalidRequestException(fault.field().equals("number") ? "accountNumber" : fault.field(), fault.detail());
            }
            return MoneyNodes.account(ref);
        }
        WalletRef ref = new WalletRef(chain, address);
        Fault fault = FinanceCodes.walletFault(ref);
        if (fault != null) {
            throw new InvalidRequestException(fault.field(), fault.detail());
        }
        return MoneyNodes.wallet(ref);
    }
}

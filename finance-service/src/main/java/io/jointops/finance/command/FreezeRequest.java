package io.jointops.finance.command;

import io.jointops.api.finance.AcknowledgeFreezeRequestCommand;
import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.ExtendFreezeCommand;
import io.jointops.api.finance.FreezeExpiredEvent;
import io.jointops.api.finance.FreezeMeasure;
import io.jointops.api.finance.FreezeExpiryReminderIssuedEvent;
import io.jointops.api.finance.FreezeExtendedEvent;
import io.jointops.api.finance.FreezeGrantedEvent;
import io.jointops.api.finance.FreezeReleasedEvent;
import io.jointops.api.finance.FreezeRequestAcknowledgedEvent;
import io.jointops.api.finance.FreezeRequestLinkedToCaseEvent;
import io.jointops.api.finance.FreezeRequestRejectedEvent;
import io.jointops.api.finance.FreezeRequestedEvent;
import io.jointops.api.finance.FreezeTarget;
import io.jointops.api.finance.GrantFreezeCommand;
import io.jointops.api.finance.LinkFreezeRequestToCaseCommand;
import io.jointops.api.finance.RejectFreezeRequestCommand;
import io.jointops.api.finance.ReleaseFreezeCommand;
import io.jointops.api.finance.RequestFreezeCommand;
import io.jointops.api.finance.TargetAmount;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.finance.command.FinanceCodes.Fault;
import io.jointops.platform.axon.AggregateCache;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * An agency's request to an agency of another country to postpone or freeze funds: requested, acknowledged, frozen
 * (fully or partially, amounts per target) or rejected; a freeze lapses at its expiry (the receiving country's rule)
 * unless extended, or is released earlier. Expiry and reminder are persistent deadlines of this aggregate.
 */
@Aggregate(cache = AggregateCache.BEAN)
class FreezeRequest {

    enum Status { REQUESTED, ACKNOWLEDGED, FROZEN, REJECTED, RELEASED, EXPIRED }

    static final String EXPIRY = "freeze-expiry";
    static final String REMINDER = "freeze-expiry-reminder";
    static final int MAX_TARGETS = 100;

    @AggregateIdentifier
    private String requestId;
    private String requestingAgency;
    private String receivingAgency;
    private String receivingCountry;
    private FreezeMeasure measure;
    private List<FreezeTarget> targets;
    private Status status;
    private List<TargetAmount> frozen = List.of();
    private Instant expiresAt;
    private final Set<String> linkedCases = new HashSet<>();

    FreezeRequest() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    FreezeRequest(RequestFreezeCommand command) {
        requireAgency("requestingAgency", command.requestingAgency());
        requireAgency("receivingAgency", command.receivingAgency());
        String requestingCountry = command.requestingAgency().substring(0, 2);
        String receivingCountry = command.receivingAgency().substring(0, 2);
        if (command.receivingAgency().startsWith("JOINT-") || !FinanceCodes.isCountry(receivingCountry)) {
            throw invalid("receivingAgency", "must be a national agency, its code starting with its country");
        }
        if (receivingCountry.equals(requestingCountry)) {
            throw invalid("receivingAgency", "must be an agency of another country than " + requestingCountry);
        }
        if (command.caseId() != null && command.caseId().isBlank()) {
            throw invalid("caseId", "must not be blank when given");
        }
        if (command.targets() == null || command.targets().isEmpty() || command.targets().size() > MAX_TARGETS) {
            throw invalid("targets", "must name 1 to " + MAX_TARGETS + " accounts, wallets or assets");
        }
        List<FreezeTarget> normalised = new ArrayList<>();
        for (int i = 0; i < command.targets().size(); i++) {
            normalised.add(checked(i, command.targets().get(i)));
        }
        apply(new FreezeRequestedEvent(command.requestId(), command.requestingAgency(), requestingCountry,
                command.receivingAgency(), receivingCountry, command.measure(), command.legalBasis().strip(),
                command.caseId() == null ? null : command.caseId().strip(), command.urgency(), normalised,
                command.tlp(), command.handlingCode()));
    }

    private static FreezeTarget checked(int index, FreezeTarget target) {
        String field = "targets[" + index + "]";
        int given = (target.account() != null ? 1 : 0) + (target.wallet() != null ? 1 : 0) + (target.assetId() != null ? 1 : 0);
        if (given != 1) {
            throw invalid(field + ".account", "give exactly one of account, wallet and assetId");
        }
        Fault fault = target.account() != null ? under(FinanceCodes.accountFault(target.account()), "account")
                : target.wallet() != null ? under(FinanceCodes.walletFault(target.wallet()), "wallet") : null;
        if (fault != null) {
            throw invalid(field + "." + fault.field(), fault.detail());
        }
        if (target.assetId() != null && target.assetId().isBlank()) {
            throw invalid(field + ".assetId", "must not be blank when given");
        }
        if (target.amountSought() == null || target.amountSought().signum() <= 0
                || target.amountSought().compareTo(TransactionChecks.MAX_AMOUNT) > 0 || target.amountSought().scale() > 4) {
            throw invalid(field + ".amountSought", "must be positive, below 10^15, with at most 4 decimals");
        }
        String currency = FinanceCodes.currencyFault(target.currency());
        if (currency != null) {
            throw invalid(field + ".currency", currency);
        }
        AccountRef account = target.account();
        if (account != null && account.iban() != null) {
            String iban = FinanceCodes.normalizeIban(account.iban());
            account = new AccountRef(iban, account.number(), account.bankId(), iban.substring(0, 2));
        }
        return new FreezeTarget(account, target.wallet(), target.assetId(), target.holder(), target.amountSought(),
                target.currency());
    }

    private static Fault under(Fault fault, String prefix) {
        return fault == null ? null : fault.under(prefix);
    }

    @CommandHandler
    void handle(AcknowledgeFreezeRequestCommand command) {
        checkReceiver(command.agency(), command.expectedVersion());
        requireStatus("acknowledged", Status.REQUESTED);
        apply(new FreezeRequestAcknowledgedEvent(requestId, command.agency()));
    }

    @CommandHandler
    void handle(GrantFreezeCommand command, FreezeExpiryRules rules, DeadlineManager deadlines) {
        checkReceiver(command.agency(), command.expectedVersion());
        requireStatus("frozen", Status.ACKNOWLEDGED);
        if (command.amounts() == null || command.amounts().isEmpty()) {
            throw invalid("amounts", "must give the amount frozen on at least one target");
        }
        List<TargetAmount> amounts = new ArrayList<>();
        boolean partial = command.amounts().size() < targets.size();
        for (Map.Entry<Integer, BigDecimal> entry : new TreeMap<>(command.amounts()).entrySet()) {
            int index = entry.getKey();
            String field = "amounts[" + index + "]";
            if (index < 0 || index >= targets.size()) {
                throw invalid(field, "there is no target " + index + "; the request has " + targets.size());
            }
            BigDecimal amount = entry.getValue();
            FreezeTarget target = targets.get(index);
            if (amount == null || amount.signum() < 0 || amount.scale() > 4 || amount.compareTo(target.amountSought()) > 0) {
                throw invalid(field, "must be between 0 and the amount sought, " + target.amountSought().toPlainString()
                        + " " + target.currency() + ", with at most 4 decimals");
            }
            partial |= amount.compareTo(target.amountSought()) < 0;
            if (amount.signum() > 0) {
                amounts.add(new TargetAmount(index, amount, target.currency()));
            }
        }
        if (amounts.isEmpty()) {
            throw invalid("amounts", "must freeze a positive amount on at least one target; else reject the request");
        }
        String rule = rules.rule(receivingCountry, measure);
        Instant now = GenericEventMessage.clock.instant();
        Instant expiry = FreezeExpiryRules.expiry(rule, now);
        apply(new FreezeGrantedEvent(requestId, amounts, partial, expiry, rule));
        schedule(deadlines, rules, expiry, now);
    }

    @CommandHandler
    void handle(RejectFreezeRequestCommand command) {
        checkReceiver(command.agency(), command.expectedVersion());
        requireStatus("rejected", Status.REQUESTED, Status.ACKNOWLEDGED);
        apply(new FreezeRequestRejectedEvent(requestId, command.agency(), command.reason().strip()));
    }

    @CommandHandler
    void handle(ExtendFreezeCommand command, FreezeExpiryRules rules, DeadlineManager deadlines) {
        checkReceiver(command.agency(), command.expectedVersion());
        requireStatus("extended", Status.FROZEN);
        Instant next = command.expiresAt() != null ? command.expiresAt()
                : FreezeExpiryRules.expiry(rules.rule(receivingCountry, measure), expiresAt);
        if (!next.isAfter(expiresAt)) {
            throw invalid("expiresAt", "must be after the current expiry " + expiresAt);
        }
        apply(new FreezeExtendedEvent(requestId, expiresAt, next));
        // the old expiry's deadlines are cancelled (and would find it no longer current if one fired meanwhile)
        cancel(deadlines);
        schedule(deadlines, rules, next, GenericEventMessage.clock.instant());
    }

    @CommandHandler
    void handle(ReleaseFreezeCommand command, DeadlineManager deadlines) {
        checkReceiver(command.agency(), command.expectedVersion());
        requireStatus("released", Status.FROZEN);
        apply(new FreezeReleasedEvent(requestId, command.agency(),
                command.reason() == null ? null : command.reason().strip(), frozen));
        cancel(deadlines);
    }

    @CommandHandler
    void handle(LinkFreezeRequestToCaseCommand command) {
        if (!visibleTo(command.requestingAgency())) {
            throw notFound();
        }
        List<String> blind = (command.caseAgencies() == null ? Set.<String>of() : command.caseAgencies()).stream()
                .filter(agency -> !visibleTo(agency)).sorted().toList();
        if (!blind.isEmpty()) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "The freeze request is visible only to "
                    + requestingAgency + " and " + receivingAgency + ", not to " + String.join(", ", blind)
                    + ", which take part in the case.");
        }
        if (!linkedCases.contains(command.caseId())) {
            apply(new FreezeRequestLinkedToCaseEvent(requestId, command.caseId(), title(), status.name()));
        }
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void remind(FreezeDeadline deadline) {
        if (status == Status.FROZEN && deadline.expiresAt().equals(expiresAt)) {
            apply(new FreezeExpiryReminderIssuedEvent(requestId, expiresAt));
        }
    }

    @DeadlineHandler(deadlineName = EXPIRY)
    void expire(FreezeDeadline deadline) {
        if (status == Status.FROZEN && deadline.expiresAt().equals(expiresAt)) {
            apply(new FreezeExpiredEvent(requestId, expiresAt, frozen));
        }
    }

    private static void cancel(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(EXPIRY);
        deadlines.cancelAllWithinScope(REMINDER);
    }

    private void schedule(DeadlineManager deadlines, FreezeExpiryRules rules, Instant expiry, Instant now) {
        deadlines.schedule(expiry, EXPIRY, new FreezeDeadline(expiry));
        Instant reminder = rules.reminder(expiry, now);
        if (reminder != null) {
            deadlines.schedule(reminder, REMINDER, new FreezeDeadline(expiry));
        }
    }

    private String title() {
        return measure + " request of " + requestingAgency + " to " + receivingAgency;
    }

    private boolean visibleTo(String agency) {
        return requestingAgency.equals(agency) || receivingAgency.equals(agency);
    }

    /** Only the receiving agency answers; the requester learns it may not, anyone else that there is no such request. */
    private void checkReceiver(String agency, Long expectedVersion) {
        if (!receivingAgency.equals(agency)) {
            throw requestingAgency.equals(agency)
                    ? new CommandRejectedException(Reason.FORBIDDEN, null, "Only the receiving agency " + receivingAgency
                    + " acknowledges, freezes, rejects, extends or releases.")
                    : notFound();
        }
        if (expectedVersion != null && !expectedVersion.equals(getVersion())) {
            throw new CommandRejectedException(Reason.STALE_VERSION, null, "The freeze request changed since version "
                    + expectedVersion + "; it is now at version " + getVersion() + ". Read it again.");
        }
    }

    private void requireStatus(String step, Status... allowed) {
        for (Status candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new CommandRejectedException(Reason.CONFLICT, null, "A freeze request that is " + status
                + " cannot be " + step + ".");
    }

    private CommandRejectedException notFound() {
        return new CommandRejectedException(Reason.NOT_FOUND, null, "No freeze request '" + requestId + "' is visible to you.");
    }

    @EventSourcingHandler
    void on(FreezeRequestedEvent event) {
        requestId = event.requestId();
        requestingAgency = event.requestingAgency();
        receivingAgency = event.receivingAgency();
        receivingCountry = event.receivingCountry();
        measure = event.measure();
        targets = List.copyOf(event.targets());
        status = Status.REQUESTED;
    }

    @EventSourcingHandler
    void on(FreezeRequestAcknowledgedEvent event) {
        status = Status.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(FreezeGrantedEvent event) {
        status = Status.FROZEN;
        frozen = List.copyOf(event.frozen());
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(FreezeRequestRejectedEvent event) {
        status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(FreezeExtendedEvent event) {
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(FreezeReleasedEvent event) {
        status = Status.RELEASED;
    }

    @EventSourcingHandler
    void on(FreezeExpiredEvent event) {
        status = Status.EXPIRED;
    }

    @EventSourcingHandler
    void on(FreezeRequestLinkedToCaseEvent event) {
        linkedCases.add(event.caseId());
    }
}

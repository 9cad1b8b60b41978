package io.jointops.finance.command;

import io.jointops.api.evidence.AddEvidenceFileCommand;
import io.jointops.api.evidence.EvidenceFileAddedEvent;
import io.jointops.api.evidence.EvidenceFileSupersededEvent;
import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.FileSuspiciousTransactionReportCommand;
import io.jointops.api.finance.LinkTransactionReportToCaseCommand;
import io.jointops.api.finance.ReleaseTransactionReportCommand;
import io.jointops.api.finance.ReportedTransaction;
import io.jointops.api.finance.SuspiciousTransactionReportFiledEvent;
import io.jointops.api.finance.TransactionReportLinkedToCaseEvent;
import io.jointops.api.finance.TransactionReportReleaseWidenedEvent;
import io.jointops.api.finance.TransactionsReportedEvent;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.finance.command.FinanceCodes.Fault;
import io.jointops.platform.axon.AggregateCache;
import io.jointops.platform.command.EvidenceFiles;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** A goAML-style report of a reporting entity, filed by a financial intelligence unit and released to other agencies. */
@Aggregate(cache = AggregateCache.BEAN)
class SuspiciousTransactionReport {

    static final int MAX_INDICATORS = 50;
    /** A bulk import's upper bound; the web layer's request size limit is set to let this many through. */
    static final int MAX_TRANSACTIONS = 20_000;
    /** Transactions per stored event: keeps every event small whatever the report's size. */
    static final int BATCH = 500;
    /** The aggregate's type, as stored; its evidence command's name ({@link AddEvidenceFileCommand#nameFor}). */
    static final String TYPE = "SuspiciousTransactionReport";
    static final String ADD_EVIDENCE = AddEvidenceFileCommand.NAME + "@" + TYPE;

    @AggregateIdentifier
    private String reportId;
    private String ownerAgency;
    private final Set<String> releasedTo = new HashSet<>();
    private final EvidenceFiles evidence = new EvidenceFiles(TYPE);
    private String title;
    private final Set<String> linkedCases = new HashSet<>();

    SuspiciousTransactionReport() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    SuspiciousTransactionReport(FileSuspiciousTransactionReportCommand command) {
        List<String> indicators = command.indicators() == null ? List.of() : command.indicators();
        if (indicators.size() > MAX_INDICATORS) {
            throw invalid("indicators", "must be at most " + MAX_INDICATORS);
        }
        requireAgency("ownerAgency", command.ownerAgency());
        Set<String> released = command.releasedTo() == null ? Set.of() : command.releasedTo();
        for (String agency : released) {
            requireAgency("releasedTo", agency);
            if (agency.equals(command.ownerAgency())) {
                throw invalid("releasedTo", "must not contain the owner agency " + agency);
            }
        }
        List<ReportedTransaction> transactions = command.transactions() == null ? List.of() : command.transactions();
        if (transactions.size() > MAX_TRANSACTIONS) {
            throw invalid("transactions", "must be at most " + MAX_TRANSACTIONS + " per report");
        }
        List<ReportedTransaction> normalised = new ArrayList<>(transactions.size());
        for (int i = 0; i < transactions.size(); i++) {
            Fault fault = TransactionChecks.fault(transactions.get(i));
            if (fault != null) {
                throw invalid("transactions[" + i + "]." + fault.field(), fault.detail());
            }
            normalised.add(normalise(transactions.get(i)));
        }
        apply(new SuspiciousTransactionReportFiledEvent(command.reportId(), command.reportCode(),
                command.reportingEntity().strip(), command.submissionDate(), command.reason().strip(),
                command.ownerAgency(), released.stream().sorted().toList(), command.tlp(), command.handlingCode(),
                command.reportingPerson() == null || command.reportingPerson().isBlank() ? null : command.reportingPerson().strip(),
                indicators.stream().map(String::strip).toList(), normalised.size()));
        // the batches are applied in the filing's unit of work: stored with it in one transaction, or not at all
        for (int first = 0; first < normalised.size(); first += BATCH) {
            apply(new TransactionsReportedEvent(command.reportId(), first,
                    List.copyOf(normalised.subList(first, Math.min(first + BATCH, normalised.size())))));
        }
    }

    @CommandHandler
    void handle(ReleaseTransactionReportCommand command) {
        if (!ownerAgency.equals(command.requestingAgency())) {
            // an agency it is released to knows the report exists but may not widen it; anyone else must not learn of it
            throw releasedTo.contains(command.requestingAgency())
                    ? new CommandRejectedException(Reason.FORBIDDEN, null, "Only the owner " + ownerAgency + " releases the report.")
                    : notFound();
        }
        if (command.expectedVersion() != null && !command.expectedVersion().equals(getVersion())) {
            throw new CommandRejectedException(Reason.STALE_VERSION, null, "The report changed since version "
                    + command.expectedVersion() + "; it is now at version " + getVersion() + ". Read it again.");
        }
        requireAgency("agency", command.agency());
        if (command.agency().equals(ownerAgency) || releasedTo.contains(command.agency())) {
            throw new CommandRejectedException(Reason.CONFLICT, "agency", command.agency() + " may already see the report.");
        }
        apply(new TransactionReportReleaseWidenedEvent(reportId, command.agency()));
        // the report's files go with it: each file's custody records the release
        evidence.shareWith(reportId, command.agency(), null).forEach(AggregateLifecycle::apply);
    }

    /** A file of the report (bank statements, the entity's documents), attached by the owner agency. */
    @CommandHandler(commandName = ADD_EVIDENCE)
    void handle(AddEvidenceFileCommand command) {
        String agency = command.actor() == null ? null : command.actor().agency();
        if (!ownerAgency.equals(agency)) {
            throw releasedTo.contains(agency)
                    ? new CommandRejectedException(Reason.FORBIDDEN, null, "Only the owner " + ownerAgency + " adds files to the report.")
                    : notFound();
        }
        List<String> audience = new ArrayList<>(releasedTo);
        audience.add(ownerAgency);
        evidence.add(reportId, command, audience).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(LinkTransactionReportToCaseCommand command) {
        if (!visibleTo(command.requestingAgency())) {
            throw notFound();
        }
        List<String> blind = (command.caseAgencies() == null ? Set.<String>of() : command.caseAgencies()).stream()
                .filter(agency -> !visibleTo(agency)).sorted().toList();
        if (!blind.isEmpty()) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "The report is not released to "
                    + String.join(", ", blind) + ", which take part in the case; release it to them first.");
        }
        // case-service may deliver a link twice: it is recorded once
        if (!linkedCases.contains(command.caseId())) {
            apply(new TransactionReportLinkedToCaseEvent(reportId, command.caseId(), title, "FILED"));
        }
    }

    private boolean visibleTo(String agency) {
        return ownerAgency.equals(agency) || releasedTo.contains(agency);
    }

    private CommandRejectedException notFound() {
        return new CommandRejectedException(Reason.NOT_FOUND, null, "No transaction report '" + reportId + "' is visible to you.");
    }

    private static ReportedTransaction normalise(ReportedTransaction t) {
        return new ReportedTransaction(t.number().strip(), t.date(), t.amount(), t.currency(), t.mode(),
                t.fromName(), normalise(t.fromAccount()), t.fromWallet(), t.toName(), normalise(t.toAccount()), t.toWallet());
    }

    private static AccountRef normalise(AccountRef account) {
        if (account == null || account.iban() == null) {
            return account;
        }
        String iban = FinanceCodes.normalizeIban(account.iban());
        return new AccountRef(iban, account.number(), account.bankId(), iban.substring(0, 2));
    }

    @EventSourcingHandler
    void on(SuspiciousTransactionReportFiledEvent event) {
        reportId = event.reportId();
        ownerAgency = event.ownerAgency();
        releasedTo.addAll(event.releasedTo());
        title = event.reportCode() + " " + event.reportingEntity() + " " + event.submissionDate();
    }

    @EventSourcingHandler
    void on(TransactionReportReleaseWidenedEvent event) {
        releasedTo.add(event.agency());
    }

    @EventSourcingHandler
    void on(EvidenceFileAddedEvent event) {
        evidence.on(event);
    }

    @EventSourcingHandler
    void on(EvidenceFileSupersededEvent event) {
        evidence.on(event);
    }

    @EventSourcingHandler
    void on(TransactionReportLinkedToCaseEvent event) {
        linkedCases.add(event.caseId());
    }
}

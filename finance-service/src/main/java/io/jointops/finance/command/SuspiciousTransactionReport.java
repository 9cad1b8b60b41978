package io.jointops.finance.command;

import io.jointops.api.finance.FileSuspiciousTransactionReportCommand;
import io.jointops.api.finance.SuspiciousTransactionReportFiledEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Set;

import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static io.jointops.platform.command.CommandChecks.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A goAML-style report of a reporting entity, filed by a financial intelligence unit and released to other agencies. */
@Aggregate
class SuspiciousTransactionReport {

    static final int MAX_REPORTING_ENTITY = 200;
    static final int MAX_REASON = 4000;

    @AggregateIdentifier
    private String reportId;

    SuspiciousTransactionReport() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    SuspiciousTransactionReport(FileSuspiciousTransactionReportCommand command) {
        if (command.reportCode() == null) {
            throw invalid("reportCode", "must be given");
        }
        requireText("reportingEntity", command.reportingEntity(), MAX_REPORTING_ENTITY);
        if (command.submissionDate() == null) {
            throw invalid("submissionDate", "must be given");
        }
        requireText("reason", command.reason(), MAX_REASON);
        if (command.tlp() == null) {
            throw invalid("tlp", "must be given");
        }
        if (command.handlingCode() == null) {
            throw invalid("handlingCode", "must be given");
        }
        requireAgency("ownerAgency", command.ownerAgency());
        Set<String> released = command.releasedTo() == null ? Set.of() : command.releasedTo();
        for (String agency : released) {
            requireAgency("releasedTo", agency);
            if (agency.equals(command.ownerAgency())) {
                throw invalid("releasedTo", "must not contain the owner agency " + agency);
            }
        }
        apply(new SuspiciousTransactionReportFiledEvent(command.reportId(), command.reportCode(),
                command.reportingEntity().strip(), command.submissionDate(), command.reason().strip(),
                command.ownerAgency(), released.stream().sorted().toList(), command.tlp(), command.handlingCode()));
    }

    @EventSourcingHandler
    void on(SuspiciousTransactionReportFiledEvent event) {
        reportId = event.reportId();
    }
}

package io.jointops.intel.command;

import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import io.jointops.api.intel.IntelReportSubmittedEvent;
import io.jointops.api.intel.LinkIntelReportToCaseCommand;
import io.jointops.api.intel.SubmitIntelReportCommand;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static io.jointops.platform.command.CommandChecks.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A graded intelligence report owned by one agency and released to others. */
@Aggregate
class IntelReport {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 4000;

    @AggregateIdentifier
    private String reportId;
    private String title;
    private String ownerAgency;
    private final Set<String> releasedTo = new HashSet<>();
    private final Set<String> linkedCases = new HashSet<>();

    IntelReport() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    IntelReport(SubmitIntelReportCommand command) {
        requireText("title", command.title(), MAX_TITLE);
        if (command.summary() != null && command.summary().length() > MAX_SUMMARY) {
            throw invalid("summary", "must be at most " + MAX_SUMMARY + " characters");
        }
        if (command.category() == null) {
            throw invalid("category", "must be given");
        }
        if (command.sourceReliability() == null) {
            throw invalid("sourceReliability", "must be given");
        }
        if (command.informationCredibility() < 1 || command.informationCredibility() > 6) {
            throw invalid("informationCredibility", "must be 1 (confirmed) to 6 (cannot be judged)");
        }
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
        apply(new IntelReportSubmittedEvent(command.reportId(), command.title().strip(),
                command.summary() == null ? "" : command.summary().strip(), command.category(),
                command.sourceReliability(), command.informationCredibility(), command.tlp(), command.handlingCode(),
                command.ownerAgency(), released.stream().sorted().toList()));
    }

    @CommandHandler
    void handle(LinkIntelReportToCaseCommand command) {
        if (!maySee(command.requestingAgency())) {
            // a denied read looks the same as a missing report
            throw new CommandRejectedException(Reason.NOT_FOUND, null, "No item with id '" + reportId + "' is visible to you.");
        }
        if (command.caseId() == null || command.caseId().isBlank()) {
            throw invalid("caseId", "must not be blank");
        }
        Set<String> caseAgencies = command.caseAgencies() == null ? Set.of() : command.caseAgencies();
        Set<String> denied = new TreeSet<>();
        for (String agency : caseAgencies) {
            if (!maySee(agency)) {
                denied.add(agency);
            }
        }
        if (!denied.isEmpty()) {
            // the requester may see the report, so naming who else may not tells it nothing new
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "The report is not released to "
                    + String.join(", ", denied) + "; only the owner " + ownerAgency
                    + " can release it before it is linked to this case.");
        }
        // the case-service may send the same link again (retries, redelivery): record each case once
        if (!linkedCases.contains(command.caseId())) {
            apply(new IntelReportLinkedToCaseEvent(reportId, command.caseId(), title));
        }
    }

    @EventSourcingHandler
    void on(IntelReportSubmittedEvent event) {
        reportId = event.reportId();
        title = event.title();
        ownerAgency = event.ownerAgency();
        releasedTo.addAll(event.releasedTo());
    }

    @EventSourcingHandler
    void on(IntelReportLinkedToCaseEvent event) {
        linkedCases.add(event.caseId());
    }

    private boolean maySee(String agency) {
        return ownerAgency.equals(agency) || releasedTo.contains(agency);
    }
}

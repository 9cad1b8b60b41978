package io.jointops.cases.command;

import io.jointops.api.cases.AddCasePartnerCommand;
import io.jointops.api.cases.CaseItemLinkedEvent;
import io.jointops.api.cases.CaseOpenedEvent;
import io.jointops.api.cases.CasePartnerAddedEvent;
import io.jointops.api.cases.OpenCaseCommand;
import io.jointops.api.cases.RecordLinkedItemCommand;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static io.jointops.platform.command.CommandChecks.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** A joint operation led by one agency with partner agencies of other countries. */
@Aggregate
class JointCase {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 4000;

    @AggregateIdentifier
    private String caseId;
    private String leadAgency;
    private final Set<String> partnerAgencies = new HashSet<>();
    private final Set<String> linkedItems = new HashSet<>();

    JointCase() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    JointCase(OpenCaseCommand command) {
        requireText("title", command.title(), MAX_TITLE);
        if (command.summary() != null && command.summary().length() > MAX_SUMMARY) {
            throw invalid("summary", "must be at most " + MAX_SUMMARY + " characters");
        }
        requireAgency("leadAgency", command.leadAgency());
        if (command.tlp() == null) {
            throw invalid("tlp", "must be given");
        }
        if (command.handlingCode() == null) {
            throw invalid("handlingCode", "must be given");
        }
        Set<String> partners = command.partnerAgencies() == null ? Set.of() : command.partnerAgencies();
        for (String partner : partners) {
            requireAgency("partnerAgencies", partner);
            if (partner.equals(command.leadAgency())) {
                throw invalid("partnerAgencies", "must not contain the lead agency " + partner);
            }
        }
        apply(new CaseOpenedEvent(command.caseId(), command.title().strip(),
                command.summary() == null ? "" : command.summary().strip(), command.leadAgency(),
                partners.stream().sorted().toList(), command.tlp(), command.handlingCode()));
    }

    @CommandHandler
    void handle(AddCasePartnerCommand command) {
        if (!leadAgency.equals(command.requestingAgency())) {
            // a partner knows the case exists but may not widen it; anyone else must not learn that it exists
            throw partnerAgencies.contains(command.requestingAgency())
                    ? new CommandRejectedException(Reason.FORBIDDEN, null, "Only the lead agency " + leadAgency + " adds partners.")
                    : new CommandRejectedException(Reason.NOT_FOUND, null, "No case '" + caseId + "' is visible to you.");
        }
        if (command.expectedVersion() != null && !command.expectedVersion().equals(getVersion())) {
            throw new CommandRejectedException(Reason.STALE_VERSION, null, "The case changed since version "
                    + command.expectedVersion() + "; it is now at version " + getVersion() + ". Read it again.");
        }
        requireAgency("agency", command.agency());
        if (command.agency().equals(leadAgency) || partnerAgencies.contains(command.agency())) {
            throw new CommandRejectedException(Reason.CONFLICT, "agency", command.agency() + " already takes part in the case.");
        }
        apply(new CasePartnerAddedEvent(caseId, command.agency()));
    }

    @CommandHandler
    void handle(RecordLinkedItemCommand command) {
        // links are confirmed by the owning service and may be delivered more than once: record each once
        if (!linkedItems.contains(command.itemType() + ":" + command.itemId())) {
            apply(new CaseItemLinkedEvent(caseId, command.itemType(), command.itemId(), command.title()));
        }
    }

    @EventSourcingHandler
    void on(CaseOpenedEvent event) {
        caseId = event.caseId();
        leadAgency = event.leadAgency();
        partnerAgencies.addAll(event.partnerAgencies());
    }

    @EventSourcingHandler
    void on(CasePartnerAddedEvent event) {
        partnerAgencies.add(event.agency());
    }

    @EventSourcingHandler
    void on(CaseItemLinkedEvent event) {
        linkedItems.add(event.itemType() + ":" + event.itemId());
    }
}

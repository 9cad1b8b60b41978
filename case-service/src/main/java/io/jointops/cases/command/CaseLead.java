package io.jointops.cases.command;

import io.jointops.api.cases.AcceptCaseLeadCommand;
import io.jointops.api.cases.CaseActor;
import io.jointops.api.cases.CaseLeadAcceptedEvent;
import io.jointops.api.cases.CaseLeadDismissedEvent;
import io.jointops.api.cases.CaseLeadProposedEvent;
import io.jointops.api.cases.CaseLeadStatus;
import io.jointops.api.cases.DismissCaseLeadCommand;
import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.OpenCaseCommand;
import io.jointops.api.cases.ProposeCaseLeadCommand;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.platform.axon.AggregateCache;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A joint case proposed by another service about one of its items; a supervisor of the proposing agency accepts it
 * (a case is opened, led by that agency, with the item linked) or dismisses it. The agencies that may see the item
 * may see the lead.
 */
@Aggregate(cache = AggregateCache.BEAN)
class CaseLead {

    @AggregateIdentifier
    private String leadId;
    private String proposingAgency;
    private final Set<String> agencies = new HashSet<>();
    private LinkedItemType itemType;
    private String itemId;
    private String title;
    private String reason;
    private CaseLeadStatus status;

    CaseLead() {
        // for Axon: rebuilt from events
    }

    /** The sender derives the lead id from its item, so a redelivered proposal finds the lead and is ignored. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ProposeCaseLeadCommand command) {
        if (status != null) {
            return;
        }
        requireAgency("proposingAgency", command.proposingAgency());
        Set<String> all = new HashSet<>(command.agencies() == null ? Set.of() : command.agencies());
        for (String agency : all) {
            requireAgency("agencies", agency);
        }
        all.add(command.proposingAgency());
        apply(new CaseLeadProposedEvent(command.leadId(), command.itemType(), command.itemId(), command.title(),
                command.proposingAgency(), all.stream().sorted().toList(), command.reason()));
    }

    @CommandHandler
    void handle(AcceptCaseLeadCommand command) {
        requireProposingSupervisor(command.actor());
        // the lead's title, unless the supervisor names the case otherwise: a title given must say something, and a
        // lead's own title (up to 400 characters) may be too long for a case
        String caseTitle = command.title() == null ? title : command.title();
        if (caseTitle.isBlank()) {
            throw invalid("title", "must not be blank when given; leave it out to keep the lead's title");
        }
        if (caseTitle.length() > OpenCaseCommand.MAX_TITLE) {
            throw invalid("title", "the lead's title is longer than a case's " + OpenCaseCommand.MAX_TITLE
                    + " characters; give the case a title");
        }
        requireProposed();
        apply(new CaseLeadAcceptedEvent(leadId, command.caseId(), caseTitle.strip(),
                command.summary() == null ? reason : command.summary().strip(), command.tlp(), command.handlingCode(),
                proposingAgency, agencies.stream().filter(agency -> !agency.equals(proposingAgency)).sorted().toList(),
                itemType, itemId, command.actor().username()));
    }

    @CommandHandler
    void handle(DismissCaseLeadCommand command) {
        requireProposingSupervisor(command.actor());
        requireProposed();
        apply(new CaseLeadDismissedEvent(leadId, command.reason().strip(), command.actor().username()));
    }

    private void requireProposed() {
        if (status != CaseLeadStatus.PROPOSED) {
            throw new CommandRejectedException(Reason.CONFLICT, null, "The lead is " + status + " already.");
        }
    }

    private void requireProposingSupervisor(CaseActor actor) {
        if (actor == null || !agencies.contains(actor.agency())) {
            throw new CommandRejectedException(Reason.NOT_FOUND, null, "No case lead '" + leadId + "' is visible to you.");
        }
        if (!(actor.supervisor() && proposingAgency.equals(actor.agency()))) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null,
                    "Only a supervisor of the proposing agency " + proposingAgency + " decides on the lead.");
        }
    }

    @EventSourcingHandler
    void on(CaseLeadProposedEvent event) {
        leadId = event.leadId();
        proposingAgency = event.proposingAgency();
        agencies.addAll(event.agencies());
        itemType = event.itemType();
        itemId = event.itemId();
        title = event.title();
        reason = event.reason();
        status = CaseLeadStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(CaseLeadAcceptedEvent event) {
        status = CaseLeadStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(CaseLeadDismissedEvent event) {
        status = CaseLeadStatus.DISMISSED;
    }
}

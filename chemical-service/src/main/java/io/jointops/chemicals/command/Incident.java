package io.jointops.chemicals.command;

import io.jointops.api.chemicals.IncidentCaseLeadProposedEvent;
import io.jointops.api.chemicals.IncidentLinkedToCaseEvent;
import io.jointops.api.chemicals.IncidentReportedEvent;
import io.jointops.api.chemicals.LinkIncidentToCaseCommand;
import io.jointops.api.chemicals.RecordIncidentCaseLeadCommand;
import io.jointops.api.chemicals.ReportIncidentCommand;
import io.jointops.api.evidence.AddEvidenceFileCommand;
import io.jointops.api.evidence.EvidenceFileAddedEvent;
import io.jointops.api.evidence.EvidenceFileSupersededEvent;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.platform.axon.AggregateCache;
import io.jointops.platform.command.EvidenceFiles;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static io.jointops.chemicals.command.Inputs.blankToNull;
import static io.jointops.chemicals.command.Inputs.requireAgencies;
import static io.jointops.chemicals.command.Inputs.requireCountry;
import static io.jointops.chemicals.command.Inputs.requireQuantity;
import static io.jointops.chemicals.command.Inputs.requireSubstance;
import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A diversion or seizure incident (PICS): what was found, where, how it was hidden, and who seized it. */
@Aggregate(cache = AggregateCache.BEAN)
class Incident {

    /** The aggregate's type, as stored; its evidence command's name ({@link AddEvidenceFileCommand#nameFor}). */
    static final String TYPE = "Incident";
    static final String ADD_EVIDENCE = AddEvidenceFileCommand.NAME + "@" + TYPE;

    /** The status case-service shows for a linked incident; an incident report does not change once filed. */
    static final String STATUS = "REPORTED";

    @AggregateIdentifier
    private String incidentId;
    private String title;
    private final Set<String> agencies = new HashSet<>();
    private final EvidenceFiles evidence = new EvidenceFiles(TYPE);
    private final Set<String> linkedCases = new HashSet<>();
    private final Set<String> leads = new HashSet<>();

    Incident() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Incident(ReportIncidentCommand command, ControlledPrecursors precursors) {
        requireAgency("seizingAgency", command.seizingAgency());
        ControlledPrecursors.Precursor precursor = requireSubstance(command.substanceName(), command.casNumber(), precursors);
        requireQuantity(command.quantity());
        requireCountry("country", command.country());
        requireAgencies("releasedTo", command.releasedTo());
        Set<String> releasedTo = new TreeSet<>(command.releasedTo() == null ? Set.of() : command.releasedTo());
        if (releasedTo.contains(command.seizingAgency())) {
            throw invalid("releasedTo", "must not contain the seizing agency " + command.seizingAgency());
        }
        String title = words(command.type().name()) + " of " + command.quantity().stripTrailingZeros().toPlainString()
                + " " + command.unit() + " " + precursor.name() + " at " + command.place().strip();
        apply(new IncidentReportedEvent(command.incidentId(), title, command.seizingAgency(), command.type(),
                precursor.name(), precursor.casNumber(), precursor.table(), command.quantity(), command.unit(),
                command.place().strip(), command.country(), command.occurredOn(), blankToNull(command.concealmentMethod()),
                blankToNull(command.modusOperandi()), blankToNull(command.shipmentId()), releasedTo, command.tlp(),
                command.handlingCode()));
    }

    /** Recorded once per lead: the process may deliver it again after a restart. */
    @CommandHandler
    void handle(RecordIncidentCaseLeadCommand command) {
        if (!leads.contains(command.leadId())) {
            apply(new IncidentCaseLeadProposedEvent(incidentId, command.leadId(), command.reason()));
        }
    }

    @CommandHandler
    void handle(LinkIncidentToCaseCommand command) {
        if (!agencies.contains(command.requestingAgency())) {
            throw new CommandRejectedException(Reason.NOT_FOUND, null, "No incident '" + incidentId + "' is visible to you.");
        }
        Set<String> blind = new TreeSet<>(command.caseAgencies() == null ? Set.of() : command.caseAgencies());
        blind.removeAll(agencies);
        if (!blind.isEmpty()) {
            throw new CommandRejectedException(Reason.FORBIDDEN, null, "The incident is not released to "
                    + String.join(", ", blind) + ", which take part in the case; release it to them first.");
        }
        if (!linkedCases.contains(command.caseId())) {
            apply(new IncidentLinkedToCaseEvent(incidentId, command.caseId(), title, STATUS));
        }
    }

    /** A file of the incident (seizure photos, lab reports, shipping documents), from any of its agencies, seen by all. */
    @CommandHandler(commandName = ADD_EVIDENCE)
    void handle(AddEvidenceFileCommand command) {
        if (command.actor() == null || !agencies.contains(command.actor().agency())) {
            throw new CommandRejectedException(Reason.NOT_FOUND, null, "No incident '" + incidentId + "' is visible to you.");
        }
        evidence.add(incidentId, command, List.copyOf(agencies)).forEach(AggregateLifecycle::apply);
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
    void on(IncidentReportedEvent event) {
        incidentId = event.incidentId();
        title = event.title();
        agencies.add(event.seizingAgency());
        agencies.addAll(event.releasedTo());
    }

    @EventSourcingHandler
    void on(IncidentCaseLeadProposedEvent event) {
        leads.add(event.leadId());
    }

    @EventSourcingHandler
    void on(IncidentLinkedToCaseEvent event) {
        linkedCases.add(event.caseId());
    }

    private static String words(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}

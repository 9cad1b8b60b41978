package io.jointops.chemicals.integration;

import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.ProposeCaseLeadCommand;
import io.jointops.api.chemicals.IncidentReportedEvent;
import io.jointops.api.chemicals.RecordIncidentCaseLeadCommand;
import io.jointops.chemicals.command.ControlledPrecursors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A new incident involving a Table I fentanyl precursor proposes a joint case lead to case-service, which a supervisor
 * of the seizing agency accepts (opening a case with the incident linked) or dismisses. The lead's id is derived from
 * the incident's, so a redelivered event proposes the same lead; failures are retried (see {@code ProcessingConfiguration}).
 */
@Component
@ProcessingGroup(CaseLeadProposer.PROCESSING_GROUP)
class CaseLeadProposer {

    static final String PROCESSING_GROUP = "chemical-case-leads";

    private final CommandGateway commands;
    private final ControlledPrecursors precursors;

    CaseLeadProposer(CommandGateway commands, ControlledPrecursors precursors) {
        this.commands = commands;
        this.precursors = precursors;
    }

    static String leadId(String incidentId) {
        return UUID.nameUUIDFromBytes(("case-lead:" + incidentId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @EventHandler
    void on(IncidentReportedEvent event) {
        Optional<ControlledPrecursors.Precursor> precursor = precursors.identify(event.substanceName(), event.casNumber());
        if (precursor.isEmpty() || !precursor.get().tableOneFentanylPrecursor()) {
            return;
        }
        Set<String> agencies = new TreeSet<>(event.releasedTo());
        agencies.add(event.seizingAgency());
        String reason = event.type() + " of " + precursor.get().name() + ", a fentanyl precursor in Table I of the 1988 Convention";
        String leadId = leadId(event.incidentId());
        commands.sendAndWait(new ProposeCaseLeadCommand(leadId, LinkedItemType.INCIDENT, event.incidentId(),
                event.title(), event.seizingAgency(), agencies, reason));
        commands.sendAndWait(new RecordIncidentCaseLeadCommand(event.incidentId(), leadId, reason));
    }
}

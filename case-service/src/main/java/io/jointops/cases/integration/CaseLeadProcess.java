package io.jointops.cases.integration;

import io.jointops.api.cases.CaseLeadAcceptedEvent;
import io.jointops.api.cases.OpenCaseCommand;
import io.jointops.api.shared.Rejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An accepted lead opens its case (led by the proposing agency, the item's other agencies as partners) and asks the
 * item's owning service to link the item; the link reaches the case with the owner's event. The acting supervisor
 * travels in the metadata, so the case's history names them. Safe to redeliver: an existing case is not reopened.
 */
@Component
@ProcessingGroup("case-lead-process")
class CaseLeadProcess {

    private static final Logger log = LoggerFactory.getLogger(CaseLeadProcess.class);

    private final CommandGateway commands;
    private final OwnerLinks owners;
    private final EventStore eventStore;

    CaseLeadProcess(CommandGateway commands, OwnerLinks owners, EventStore eventStore) {
        this.commands = commands;
        this.owners = owners;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(CaseLeadAcceptedEvent event) {
        Set<String> partners = new HashSet<>(event.partnerAgencies());
        if (eventStore.lastSequenceNumberFor(event.caseId()).isEmpty()) {
            commands.sendAndWait(new OpenCaseCommand(event.caseId(), event.title(), event.summary(),
                    event.proposingAgency(), partners, event.tlp(), event.handlingCode()), 30, TimeUnit.SECONDS);
        }
        Set<String> agencies = new HashSet<>(partners);
        agencies.add(event.proposingAgency());
        try {
            owners.requestLink(event.itemType(), event.itemId(), event.caseId(), agencies, event.proposingAgency());
        } catch (CommandExecutionException refused) {
            if (refused.getDetails().filter(Rejection.class::isInstance).isEmpty()) {
                throw refused;
            }
            // the owner's decision, not a failure to retry: the case stays open without the item
            log.warn("{} refused to link {} {} to case {} of lead {}: {}", event.itemType(), event.itemType(),
                    event.itemId(), event.caseId(), event.leadId(), refused.getMessage());
        }
    }
}

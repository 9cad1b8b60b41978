package io.jointops.cases.integration;

import io.jointops.api.cases.CaseLeadAcceptedEvent;
import io.jointops.api.cases.OpenCaseCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.concurrent.TimeUnit;

/**
 * An accepted lead opens its case, led by the proposing agency, with the item's other agencies as partners. The acting
 * supervisor travels in the metadata, so the case's history names them. Safe to redeliver: an existing case is not
 * reopened. A failure (the database, a timeout) propagates, so the processor retries the event with back-off instead
 * of skipping it. The item's link is requested by {@link CaseLeadLinks}, apart, so that an owner that is down delays
 * the link, never the case.
 */
@Component
@ProcessingGroup(CaseLeadProcess.PROCESSING_GROUP)
class CaseLeadProcess {

    static final String PROCESSING_GROUP = "case-lead-process";

    private final CommandGateway commands;
    private final EventStore eventStore;

    CaseLeadProcess(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(CaseLeadAcceptedEvent event) {
        if (eventStore.lastSequenceNumberFor(event.caseId()).isEmpty()) {
            commands.sendAndWait(new OpenCaseCommand(event.caseId(), event.title(), event.summary(),
                    event.proposingAgency(), new HashSet<>(event.partnerAgencies()), event.tlp(), event.handlingCode()),
                    30, TimeUnit.SECONDS);
        }
    }
}

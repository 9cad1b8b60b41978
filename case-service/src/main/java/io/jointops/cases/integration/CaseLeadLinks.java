package io.jointops.cases.integration;

import io.jointops.api.cases.CaseLeadAcceptedEvent;
import io.jointops.api.shared.Rejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

/**
 * Asks the owning service to link the item of an accepted lead to the lead's case, once {@link CaseLeadProcess} has
 * opened it. The owner's refusal is its decision: the case stays open without the item. Anything else (the owner down,
 * no answer, the case not open yet) propagates, and the processor retries the event with back-off until the owner
 * answers: an accepted lead's item is never silently left out.
 */
@Component
@ProcessingGroup(CaseLeadLinks.PROCESSING_GROUP)
class CaseLeadLinks {

    static final String PROCESSING_GROUP = "case-lead-links";
    private static final Logger log = LoggerFactory.getLogger(CaseLeadLinks.class);

    private final OwnerLinks owners;
    private final EventStore eventStore;

    CaseLeadLinks(OwnerLinks owners, EventStore eventStore) {
        this.owners = owners;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(CaseLeadAcceptedEvent event) {
        if (eventStore.lastSequenceNumberFor(event.caseId()).isEmpty()) {
            // the owner's link event would find no case to record it on
            throw new IllegalStateException("case " + event.caseId() + " of lead " + event.leadId() + " is not open yet");
        }
        Set<String> agencies = new HashSet<>(event.partnerAgencies());
        agencies.add(event.proposingAgency());
        try {
            owners.requestLink(event.itemType(), event.itemId(), event.caseId(), agencies, event.proposingAgency());
        } catch (CommandExecutionException refused) {
            if (refused.getDetails().filter(Rejection.class::isInstance).isEmpty()) {
                throw refused;
            }
            log.warn("{} refused to link {} {} to case {} of lead {}: {}", event.itemType(), event.itemType(),
                    event.itemId(), event.caseId(), event.leadId(), refused.getMessage());
        }
    }
}

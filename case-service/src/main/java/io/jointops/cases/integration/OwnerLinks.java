package io.jointops.cases.integration;

import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.chemicals.LinkIncidentToCaseCommand;
import io.jointops.api.chemicals.LinkShipmentToCaseCommand;
import io.jointops.api.finance.LinkFreezeRequestToCaseCommand;
import io.jointops.api.finance.LinkTransactionReportToCaseCommand;
import io.jointops.api.intel.LinkIntelReportToCaseCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Asks the service that owns an item to link it to a case, with the owner's own command. The owner refuses (the
 * rejection reaches the caller) unless the item exists and every agency of the case may see it; if it agrees, its
 * {@code <Item>LinkedToCaseEvent} reaches the case through the translators of this package.
 */
@Component
public class OwnerLinks {

    private final CommandGateway commands;

    OwnerLinks(CommandGateway commands) {
        this.commands = commands;
    }

    public void requestLink(LinkedItemType itemType, String itemId, String caseId, Set<String> caseAgencies,
                            String requestingAgency) {
        Object command = switch (itemType) {
            case INTEL_REPORT -> new LinkIntelReportToCaseCommand(itemId, caseId, caseAgencies, requestingAgency);
            case SHIPMENT -> new LinkShipmentToCaseCommand(itemId, caseId, caseAgencies, requestingAgency);
            case INCIDENT -> new LinkIncidentToCaseCommand(itemId, caseId, caseAgencies, requestingAgency);
            case TRANSACTION_REPORT -> new LinkTransactionReportToCaseCommand(itemId, caseId, caseAgencies, requestingAgency);
            case FREEZE_REQUEST -> new LinkFreezeRequestToCaseCommand(itemId, caseId, caseAgencies, requestingAgency);
        };
        commands.sendAndWait(command, 30, TimeUnit.SECONDS);
    }
}

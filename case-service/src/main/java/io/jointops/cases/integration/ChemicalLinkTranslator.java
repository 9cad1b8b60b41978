package io.jointops.cases.integration;

import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.RecordLinkedItemCommand;
import io.jointops.api.cases.UpdateLinkedItemCommand;
import io.jointops.api.chemicals.IncidentLinkedToCaseEvent;
import io.jointops.api.chemicals.ShipmentLinkedToCaseEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** chemical-service's confirmed links of shipments and incidents, and their later changes, as the case records them. */
@Component
@ProcessingGroup("case-chemicals-integration")
class ChemicalLinkTranslator {

    private final CommandGateway commands;
    private final LinkedItemCases links;

    ChemicalLinkTranslator(CommandGateway commands, LinkedItemCases links) {
        this.commands = commands;
        this.links = links;
    }

    @EventHandler
    void on(ShipmentLinkedToCaseEvent event) {
        record(LinkedItemType.SHIPMENT, event.shipmentId(), event.caseId(), event.title(), event.status(), "ShipmentLinkedToCaseEvent");
    }

    @EventHandler
    void on(IncidentLinkedToCaseEvent event) {
        record(LinkedItemType.INCIDENT, event.incidentId(), event.caseId(), event.title(), event.status(), "IncidentLinkedToCaseEvent");
    }

    private void record(LinkedItemType type, String itemId, String caseId, String title, String status, String change) {
        links.linked(type, itemId, caseId);
        commands.sendAndWait(new RecordLinkedItemCommand(caseId, type, itemId, title));
        commands.sendAndWait(new UpdateLinkedItemCommand(caseId, type, itemId, title, status, change));
    }
}

package io.jointops.cases.integration;

import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.RecordLinkedItemCommand;
import io.jointops.api.cases.UpdateLinkedItemCommand;
import io.jointops.api.chemicals.IncidentLinkedToCaseEvent;
import io.jointops.api.chemicals.ShipmentArrivedEvent;
import io.jointops.api.chemicals.ShipmentDepartedEvent;
import io.jointops.api.chemicals.ShipmentReleasedEvent;
import io.jointops.api.chemicals.ShipmentSeizedEvent;
import io.jointops.api.chemicals.ShipmentStatus;
import io.jointops.api.chemicals.ShipmentStoppedEvent;
import io.jointops.api.chemicals.ShipmentTransshippedEvent;
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

    // a shipment's status changes: every case linking it records the new status

    @EventHandler
    void on(ShipmentDepartedEvent event) {
        changed(event.shipmentId(), event.status(), "ShipmentDepartedEvent");
    }

    @EventHandler
    void on(ShipmentTransshippedEvent event) {
        changed(event.shipmentId(), event.status(), "ShipmentTransshippedEvent");
    }

    @EventHandler
    void on(ShipmentArrivedEvent event) {
        changed(event.shipmentId(), event.status(), "ShipmentArrivedEvent");
    }

    @EventHandler
    void on(ShipmentSeizedEvent event) {
        changed(event.shipmentId(), event.status(), "ShipmentSeizedEvent");
    }

    @EventHandler
    void on(ShipmentReleasedEvent event) {
        changed(event.shipmentId(), event.status(), "ShipmentReleasedEvent");
    }

    @EventHandler
    void on(ShipmentStoppedEvent event) {
        changed(event.shipmentId(), event.status(), "ShipmentStoppedEvent");
    }

    private void changed(String shipmentId, ShipmentStatus status, String change) {
        for (String caseId : links.casesLinking(LinkedItemType.SHIPMENT, shipmentId)) {
            commands.sendAndWait(new UpdateLinkedItemCommand(caseId, LinkedItemType.SHIPMENT, shipmentId, null,
                    status == null ? null : status.name(), change));
        }
    }

    private void record(LinkedItemType type, String itemId, String caseId, String title, String status, String change) {
        links.linked(type, itemId, caseId);
        commands.sendAndWait(new RecordLinkedItemCommand(caseId, type, itemId, title));
        commands.sendAndWait(new UpdateLinkedItemCommand(caseId, type, itemId, title, status, change));
    }
}

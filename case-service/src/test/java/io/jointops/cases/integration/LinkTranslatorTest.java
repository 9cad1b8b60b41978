package io.jointops.cases.integration;

import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.RecordLinkedItemCommand;
import io.jointops.api.cases.UpdateLinkedItemCommand;
import io.jointops.api.chemicals.ShipmentLinkedToCaseEvent;
import io.jointops.api.chemicals.ShipmentSeizedEvent;
import io.jointops.api.chemicals.ShipmentStatus;
import io.jointops.api.finance.FreezeGrantedEvent;
import io.jointops.api.intel.IntelReportWithdrawnEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The owning services' events become the case's own commands, for every case linking the item. */
class LinkTranslatorTest {

    private final CommandGateway commands = mock(CommandGateway.class);
    private final LinkedItemCases links = mock(LinkedItemCases.class);

    @Test
    void aConfirmedShipmentLinkIsRecordedWithItsStatusAndRemembered() {
        new ChemicalLinkTranslator(commands, links).on(new ShipmentLinkedToCaseEvent("s-1", "case-1", "NPP to Rotterdam", "DEPARTED"));
        verify(links).linked(LinkedItemType.SHIPMENT, "s-1", "case-1");
        verify(commands).sendAndWait(new RecordLinkedItemCommand("case-1", LinkedItemType.SHIPMENT, "s-1", "NPP to Rotterdam"));
        verify(commands).sendAndWait(new UpdateLinkedItemCommand("case-1", LinkedItemType.SHIPMENT, "s-1", "NPP to Rotterdam",
                "DEPARTED", "ShipmentLinkedToCaseEvent"));
    }

    @Test
    void aSeizedShipmentUpdatesEveryCaseLinkingIt() {
        when(links.casesLinking(LinkedItemType.SHIPMENT, "s-1")).thenReturn(List.of("case-1", "case-2"));
        new ChemicalLinkTranslator(commands, links).on(new ShipmentSeizedEvent("s-1", "Port", "NL", Instant.EPOCH, "",
                "NL-POLITIE", ShipmentStatus.SEIZED));
        verify(commands).sendAndWait(new UpdateLinkedItemCommand("case-1", LinkedItemType.SHIPMENT, "s-1", null, "SEIZED", "ShipmentSeizedEvent"));
        verify(commands).sendAndWait(new UpdateLinkedItemCommand("case-2", LinkedItemType.SHIPMENT, "s-1", null, "SEIZED", "ShipmentSeizedEvent"));
    }

    @Test
    void aFrozenRequestAndAWithdrawnReportAreMarkedOnTheirCases() {
        when(links.casesLinking(LinkedItemType.FREEZE_REQUEST, "f-1")).thenReturn(List.of("case-1"));
        new FinanceLinkTranslator(commands, links).on(new FreezeGrantedEvent("f-1", List.of(), false, Instant.EPOCH, "rule"));
        verify(commands).sendAndWait(new UpdateLinkedItemCommand("case-1", LinkedItemType.FREEZE_REQUEST, "f-1", null, "FROZEN", "FreezeGrantedEvent"));
        when(links.casesLinking(LinkedItemType.INTEL_REPORT, "r-1")).thenReturn(List.of("case-3"));
        new IntelLinkTranslator(commands, links).on(new IntelReportWithdrawnEvent("r-1", "source burned"));
        verify(commands).sendAndWait(new UpdateLinkedItemCommand("case-3", LinkedItemType.INTEL_REPORT, "r-1", null, "WITHDRAWN", "IntelReportWithdrawnEvent"));
    }

    @Test
    void aChangeOfAnItemNoCaseLinksSendsNothing() {
        when(links.casesLinking(LinkedItemType.SHIPMENT, "s-9")).thenReturn(List.of());
        new ChemicalLinkTranslator(commands, links).on(new ShipmentSeizedEvent("s-9", "Port", "NL", Instant.EPOCH, "",
                "NL-POLITIE", ShipmentStatus.SEIZED));
        verifyNoInteractions(commands);
    }
}

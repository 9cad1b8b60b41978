package io.jointops.cases.integration;

import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.RecordLinkedItemCommand;
import io.jointops.api.cases.UpdateLinkedItemCommand;
import io.jointops.api.finance.FreezeExpiredEvent;
import io.jointops.api.finance.FreezeGrantedEvent;
import io.jointops.api.finance.FreezeReleasedEvent;
import io.jointops.api.finance.FreezeRequestAcknowledgedEvent;
import io.jointops.api.finance.FreezeRequestLinkedToCaseEvent;
import io.jointops.api.finance.FreezeRequestRejectedEvent;
import io.jointops.api.finance.TransactionReportLinkedToCaseEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** finance-service's confirmed links of transaction reports and freeze requests, and their later changes. */
@Component
@ProcessingGroup("case-finance-integration")
class FinanceLinkTranslator {

    private final CommandGateway commands;
    private final LinkedItemCases links;

    FinanceLinkTranslator(CommandGateway commands, LinkedItemCases links) {
        this.commands = commands;
        this.links = links;
    }

    @EventHandler
    void on(TransactionReportLinkedToCaseEvent event) {
        record(LinkedItemType.TRANSACTION_REPORT, event.reportId(), event.caseId(), event.title(), event.status(),
                "TransactionReportLinkedToCaseEvent");
    }

    @EventHandler
    void on(FreezeRequestLinkedToCaseEvent event) {
        record(LinkedItemType.FREEZE_REQUEST, event.requestId(), event.caseId(), event.title(), event.status(),
                "FreezeRequestLinkedToCaseEvent");
    }

    // a freeze request's status changes, named as finance-service's freeze view names them

    @EventHandler
    void on(FreezeRequestAcknowledgedEvent event) {
        changed(event.requestId(), "ACKNOWLEDGED", "FreezeRequestAcknowledgedEvent");
    }

    @EventHandler
    void on(FreezeGrantedEvent event) {
        changed(event.requestId(), "FROZEN", "FreezeGrantedEvent");
    }

    @EventHandler
    void on(FreezeRequestRejectedEvent event) {
        changed(event.requestId(), "REJECTED", "FreezeRequestRejectedEvent");
    }

    @EventHandler
    void on(FreezeReleasedEvent event) {
        changed(event.requestId(), "RELEASED", "FreezeReleasedEvent");
    }

    @EventHandler
    void on(FreezeExpiredEvent event) {
        changed(event.requestId(), "EXPIRED", "FreezeExpiredEvent");
    }

    private void changed(String requestId, String status, String change) {
        for (String caseId : links.casesLinking(LinkedItemType.FREEZE_REQUEST, requestId)) {
            commands.sendAndWait(new UpdateLinkedItemCommand(caseId, LinkedItemType.FREEZE_REQUEST, requestId, null, status, change));
        }
    }

    private void record(LinkedItemType type, String itemId, String caseId, String title, String status, String change) {
        links.linked(type, itemId, caseId);
        commands.sendAndWait(new RecordLinkedItemCommand(caseId, type, itemId, title));
        commands.sendAndWait(new UpdateLinkedItemCommand(caseId, type, itemId, title, status, change));
    }
}

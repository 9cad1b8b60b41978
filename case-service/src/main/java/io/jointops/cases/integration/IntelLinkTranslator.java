package io.jointops.cases.integration;

import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.RecordLinkedItemCommand;
import io.jointops.api.cases.UpdateLinkedItemCommand;
import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import io.jointops.api.intel.IntelReportWithdrawnEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** When intel-service confirms that a report may be linked to a case, the case records the link. */
@Component
@ProcessingGroup("case-intel-integration")
class IntelLinkTranslator {

    private final CommandGateway commands;
    private final LinkedItemCases links;

    IntelLinkTranslator(CommandGateway commands, LinkedItemCases links) {
        this.commands = commands;
        this.links = links;
    }

    @EventHandler
    void on(IntelReportLinkedToCaseEvent event) {
        links.linked(LinkedItemType.INTEL_REPORT, event.reportId(), event.caseId());
        commands.sendAndWait(new RecordLinkedItemCommand(event.caseId(), LinkedItemType.INTEL_REPORT,
                event.reportId(), event.title()));
    }

    /** A withdrawn report stays linked, marked WITHDRAWN on every case linking it. */
    @EventHandler
    void on(IntelReportWithdrawnEvent event) {
        for (String caseId : links.casesLinking(LinkedItemType.INTEL_REPORT, event.reportId())) {
            commands.sendAndWait(new UpdateLinkedItemCommand(caseId, LinkedItemType.INTEL_REPORT, event.reportId(), null,
                    "WITHDRAWN", "IntelReportWithdrawnEvent"));
        }
    }
}

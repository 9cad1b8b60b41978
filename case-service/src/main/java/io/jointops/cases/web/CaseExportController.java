package io.jointops.cases.web;

import io.jointops.cases.query.caseview.CaseView;
import io.jointops.cases.query.caseview.CaseViews;
import io.jointops.cases.query.caseview.CaseVisibility;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.ItemEvent;
import io.jointops.notary.BundleExporter;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.ItemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * A case's audit bundle for the offline verifier, for every agency that reads the case (not only joint auditors): a
 * partner takes home proof of who shared what and when. The events the caller may not see, by the same decision its
 * history and timeline take ({@link CaseVisibility}), are in it hash-only: proven in the signed log, their content not
 * sent. Anyone the case is not visible to gets 404, as for a missing case.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Joint cases")
class CaseExportController {

    private final ItemResponses<CaseView> cases;
    private final EventHistory history;
    private final BundleExporter exporter;

    CaseExportController(CommandGateway commands, CaseViews views, EventHistory history, BundleExporter exporter) {
        this.cases = new ItemResponses<>("case", views, commands, history);
        this.history = history;
        this.exporter = exporter;
    }

    @GetMapping("/{caseId}/export")
    @Operation(summary = "The case's export bundle, for the offline verifier (docs/audit-format.md)",
            description = "Against the newest checkpoint every agency signed (or the one of treeSize). Events the "
                    + "caller may not see (another agency's TLP:RED notes, an item not released to it) are hash-only "
                    + "entries: proven in the log, their content withheld. 404 until a signed checkpoint covers the case.")
    void export(Caller caller, @PathVariable String caseId, @RequestParam(required = false) @Min(1) Long treeSize,
                HttpServletResponse response) throws IOException {
        CaseView shown = cases.visible(caller, caseId);
        Set<Long> sequences = shownSequences(history, caseId, caller.agencyFilter(), shown);
        exporter.answer(() -> exporter.item(caseId, treeSize, sequences::contains), "audit-case-" + caseId, response);
    }

    /**
     * The sequences of the events of {@code itemId} (the case, or one of its cooperation requests) that {@code agency}
     * is shown whole, by the decision its history and timeline take: the others go hash-only into its bundles.
     * Decided now on the events as they are read today; one stored since is not among them, so it is withheld.
     *
     * @param shown the case as the agency is shown it
     */
    static Set<Long> shownSequences(EventHistory history, String itemId, String agency, CaseView shown) {
        Set<Long> sequences = new HashSet<>();
        for (ItemEvent event : history.events(itemId, Integer.MAX_VALUE)) {
            if (CaseVisibility.shows(event.payload(), agency, shown)) {
                sequences.add(event.sequence());
            }
        }
        return sequences;
    }
}

package io.jointops.cases.web;

import io.jointops.cases.query.caseview.CaseView;
import io.jointops.cases.query.caseview.CaseViews;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.ItemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * A case's dossier for a prosecutor or a partner's court: a PDF of what the caller's agency may see of the case, with
 * the proofs of its events and the export bundles attached. Whoever reads the case may have one (any officer of an
 * agency taking part, joint auditors); anyone else gets 404, as for a missing case. Each dossier is recorded on the
 * case with its SHA-256 before it is sent.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Joint cases")
class CaseDossierController {

    private final ItemResponses<CaseView> cases;
    private final CaseDossiers dossiers;

    CaseDossierController(CommandGateway commands, CaseViews views, EventHistory history, CaseDossiers dossiers) {
        this.cases = new ItemResponses<>("case", views, commands, history);
        this.dossiers = dossiers;
    }

    @GetMapping(value = "/{caseId}/dossier", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The case's dossier for the caller's agency (PDF, Chinese and English headings)",
            description = "The case summary, agencies, timeline, linked items and evidence files with their custody "
                    + "as the caller's agency may see them, and an appendix with the checkpoint and the inclusion "
                    + "proofs of the case's events; the case's export bundle (and its cooperation requests') are "
                    + "attached to the PDF for the offline verifier (audit-verifier --file checks evidence files "
                    + "against it). Recorded on the case (CaseDossierProducedEvent) with its SHA-256, which the answer "
                    + "gives as Repr-Digest. 404 for anyone the case is not visible to, and until a checkpoint every "
                    + "agency signed covers the case.",
            responses = @ApiResponse(responseCode = "200", description = "the dossier",
                    content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE)))
    void dossier(Caller caller, @PathVariable String caseId, HttpServletResponse response) throws IOException {
        dossiers.answer(caller, cases.visible(caller, caseId), response);
    }
}

package io.jointops.cases.web;

import io.jointops.api.cases.AddCaseSubjectCommand;
import io.jointops.api.cases.RemoveCaseSubjectCommand;
import io.jointops.api.shared.Identifies;
import io.jointops.cases.query.caseview.CaseView;
import io.jointops.cases.query.caseview.CaseViews;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.ItemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.http.HttpHeaders.IF_MATCH;

/**
 * A case's subjects: the persons, companies, phone numbers, e-mail addresses, accounts and wallets it is about, named
 * and removed by whoever acts on the case (members, the opener, supervisors of its agencies; JointCase decides), shown
 * in the case ({@code subjects}). Each is normalised by the one normalisation of identifiers, so a value that is no
 * identifier of its kind is a 400 naming its field; deconfliction matches them against other agencies' items.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Joint cases")
class CaseSubjectController {

    private final ItemResponses<CaseView> cases;

    CaseSubjectController(CommandGateway commands, CaseViews views, EventHistory history) {
        this.cases = new ItemResponses<>("case", views, commands, history);
    }

    /**
     * @param kind    PERSON_NAME, ORGANISATION_NAME, PHONE_NUMBER, EMAIL_ADDRESS, IBAN, BANK_ACCOUNT, CRYPTO_WALLET,
     *                ONLINE_ACCOUNT, VESSEL, VEHICLE, ...
     * @param country for a phone number written without its country code: the country it is dialled in (ISO 3166-1
     *                alpha-2, e.g. CN)
     * @param label   the subject's role in the case, in the officers' words
     */
    @Schema(example = """
            {"kind":"PHONE_NUMBER","value":"138 0013 8000","country":"CN","label":"the broker's phone"}""")
    record AddSubject(@NotNull Identifies.Kind kind, @NotBlank @Size(max = 500) String value,
                      @Size(max = 2) String country, @Size(max = 500) String label) {
    }

    @PostMapping("/{caseId}/subjects")
    @PreAuthorize("hasAnyRole('investigator', 'analyst', 'supervisor')")
    @Operation(summary = "Name a subject of the case: a person, company, phone number, account, wallet ... "
            + "(members, the opener, supervisors of its agencies)")
    ResponseEntity<CaseView> add(Caller caller, @PathVariable String caseId,
                                 @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                 @Valid @RequestBody AddSubject request) {
        return cases.write(caller, caseId, ifMatch, () -> new AddCaseSubjectCommand(caseId, request.kind(),
                request.value(), request.country(), request.label(), Actors.of(caller)));
    }

    @DeleteMapping("/{caseId}/subjects/{subjectId}")
    @PreAuthorize("hasAnyRole('investigator', 'analyst', 'supervisor')")
    @Operation(summary = "Take a subject off the case (as for naming one)")
    ResponseEntity<CaseView> remove(Caller caller, @PathVariable String caseId, @PathVariable String subjectId,
                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return cases.write(caller, caseId, ifMatch,
                () -> new RemoveCaseSubjectCommand(caseId, subjectId, Actors.of(caller)));
    }
}

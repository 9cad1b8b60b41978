package io.jointops.cases.web;

import io.jointops.api.cases.CaseRole;
import io.jointops.api.cases.CaseTaskStatus;
import io.jointops.api.cases.ClosingReason;
import io.jointops.api.cases.CooperationRequestType;
import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.RequestPriority;
import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the case API, each with the example Swagger UI offers (a valid request: ApiDocumentRules). */
final class CaseRequests {

    static final String AGENCY_MESSAGE = "must be an agency code such as US-DEA";

    private CaseRequests() {
    }

    @Schema(example = """
            {"title":"Operation Nightjar","summary":"Fentanyl precursors shipped via Rotterdam",
             "partnerAgencies":["US-DEA"],"tlp":"TLP:AMBER","handlingCode":"H1"}""")
    record OpenCase(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String summary,
            @Size(max = 30) List<@NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String> partnerAgencies,
            @NotNull Tlp tlp,
            @NotNull HandlingCode handlingCode) {
    }

    @Schema(example = """
            {"agency":"US-DEA"}""")
    record AddPartner(@NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String agency) {
    }

    @Schema(example = """
            {"itemType":"INTEL_REPORT","itemId":"7d3f1c2a-5b8e-4f6a-9c1d-2e4b6a8c0f12"}""")
    record LinkItem(@NotNull LinkedItemType itemType,
                    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be an item id") String itemId) {
    }

    @Schema(example = """
            {"reason":"Waiting for the lab results from Tianjin"}""")
    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(example = """
            {"closingReason":"PROSECUTED","remarks":"Three suspects charged in Rotterdam"}""")
    record CloseCase(@NotNull ClosingReason closingReason, @Size(max = 2000) String remarks) {
    }

    @Schema(example = """
            {"tags":["fentanyl","rotterdam"]}""")
    record Tags(@NotNull @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,39}",
            message = "must be 1 to 40 of a-z, 0-9, '.', '_', '-'") String> tags) {
    }

    @Schema(example = """
            {"username":"us.investigator","agency":"US-DEA","role":"INVESTIGATOR"}""")
    record AddMember(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
                     @NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String agency,
                     @NotNull CaseRole role) {
    }

    @Schema(example = """
            {"title":"Trace the broker's phone","assignee":"us.investigator","dueDate":"2030-01-31"}""")
    record AddTask(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100) String assignee,
                   @NotNull LocalDate dueDate) {
    }

    @Schema(example = """
            {"status":"IN_PROGRESS"}""")
    record TaskStatus(@NotNull CaseTaskStatus status) {
    }

    @Schema(example = """
            {"text":"The consignee changed its address twice in March","tlp":"TLP:AMBER"}""")
    record AddNote(@NotBlank @Size(max = 10_000) String text, @NotNull Tlp tlp) {
    }

    record ItemRef(@NotNull LinkedItemType itemType, @NotBlank @Size(max = 64) String itemId) {
    }

    record LegalBasisBody(@NotBlank @Size(max = 2000) String text, @NotBlank @Size(max = 200) String reference) {
    }

    @Schema(example = """
            {"receivingAgency":"US-DEA","type":"INFORMATION_REQUEST",
             "legalBasis":{"text":"Mutual legal assistance in criminal matters","reference":"CN-US MLAA Art. 1"},
             "priority":"ROUTINE","question":"Who holds the account that paid the freight?","attachments":[]}""")
    record SendRequest(
            @Size(max = 64) String caseId,
            @NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String receivingAgency,
            @NotNull CooperationRequestType type,
            @NotNull @Valid LegalBasisBody legalBasis,
            @NotNull RequestPriority priority,
            @NotBlank @Size(max = 10_000) String question,
            @Size(max = 50) List<@NotNull @Valid ItemRef> attachments) {
    }

    /** Named apart from the cooperation view's answer, which would otherwise take its place in the API document. */
    @Schema(name = "AnswerRequest", example = """
            {"answer":"The account is held by Harbour Trading LLC, Delaware","complete":true,"attachments":[]}""")
    record Answer(@NotBlank @Size(max = 20_000) String answer, @NotNull Boolean complete,
                  @Size(max = 50) List<@NotNull @Valid ItemRef> attachments) {
    }

    @Schema(example = """
            {"title":"Operation Kestrel","summary":"Diverted NPP from the seizure at Tianjin","tlp":"TLP:AMBER",
             "handlingCode":"H1"}""")
    record AcceptLead(@Size(max = 200) String title, @Size(max = 4000) String summary, @NotNull Tlp tlp,
                      @NotNull HandlingCode handlingCode) {
    }
}

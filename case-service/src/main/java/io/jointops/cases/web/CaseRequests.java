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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the case API. */
final class CaseRequests {

    static final String AGENCY_MESSAGE = "must be an agency code such as US-DEA";

    private CaseRequests() {
    }

    record OpenCase(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String summary,
            @Size(max = 30) List<@NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String> partnerAgencies,
            @NotNull Tlp tlp,
            @NotNull HandlingCode handlingCode) {
    }

    record AddPartner(@NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String agency) {
    }

    record LinkItem(@NotNull LinkedItemType itemType,
                    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be an item id") String itemId) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    record CloseCase(@NotNull ClosingReason closingReason, @Size(max = 2000) String remarks) {
    }

    record Tags(@NotNull @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,39}",
            message = "must be 1 to 40 of a-z, 0-9, '.', '_', '-'") String> tags) {
    }

    record AddMember(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
                     @NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String agency,
                     @NotNull CaseRole role) {
    }

    record AddTask(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100) String assignee,
                   @NotNull LocalDate dueDate) {
    }

    record TaskStatus(@NotNull CaseTaskStatus status) {
    }

    record AddNote(@NotBlank @Size(max = 10_000) String text, @NotNull Tlp tlp) {
    }

    record ItemRef(@NotNull LinkedItemType itemType, @NotBlank @Size(max = 64) String itemId) {
    }

    record LegalBasisBody(@NotBlank @Size(max = 2000) String text, @NotBlank @Size(max = 200) String reference) {
    }

    record SendRequest(
            @Size(max = 64) String caseId,
            @NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String receivingAgency,
            @NotNull CooperationRequestType type,
            @NotNull @Valid LegalBasisBody legalBasis,
            @NotNull RequestPriority priority,
            @NotBlank @Size(max = 10_000) String question,
            @Size(max = 50) List<@NotNull @Valid ItemRef> attachments) {
    }

    record Answer(@NotBlank @Size(max = 20_000) String answer, @NotNull Boolean complete,
                  @Size(max = 50) List<@NotNull @Valid ItemRef> attachments) {
    }

    record AcceptLead(@Size(max = 200) String title, @Size(max = 4000) String summary, @NotNull Tlp tlp,
                      @NotNull HandlingCode handlingCode) {
    }
}

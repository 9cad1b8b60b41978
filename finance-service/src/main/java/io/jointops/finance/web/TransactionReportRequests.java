package io.jointops.finance.web;

import io.jointops.api.finance.ReportCode;
import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the transaction report API. The owner agency is never among them: it is the caller's. */
final class TransactionReportRequests {

    static final String AGENCY_MESSAGE = "must be an agency code such as US-DEA";

    private TransactionReportRequests() {
    }

    record FileReport(
            @NotNull ReportCode reportCode,
            @NotBlank @Size(max = 200) String reportingEntity,
            @NotNull LocalDate submissionDate,
            @NotBlank @Size(max = 4000) String reason,
            @Size(max = 30) List<@NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String> releasedTo,
            @NotNull Tlp tlp,
            @NotNull HandlingCode handlingCode) {
    }
}

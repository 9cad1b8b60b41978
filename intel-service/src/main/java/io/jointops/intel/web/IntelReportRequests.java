package io.jointops.intel.web;

import io.jointops.api.intel.IntelCategory;
import io.jointops.api.intel.SourceReliability;
import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the intelligence report API. The owner agency is never among them: it is the caller's. */
final class IntelReportRequests {

    static final String AGENCY_MESSAGE = "must be an agency code such as US-DEA";

    private IntelReportRequests() {
    }

    record SubmitReport(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String summary,
            @NotNull IntelCategory category,
            @NotNull SourceReliability sourceReliability,
            @NotNull @Min(1) @Max(6) Integer informationCredibility,
            @Size(max = 30) List<@NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String> releasedTo,
            @NotNull Tlp tlp,
            @NotNull HandlingCode handlingCode) {
    }
}

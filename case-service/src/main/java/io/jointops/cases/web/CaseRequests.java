package io.jointops.cases.web;

import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

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

    record LinkItem(@NotNull LinkedItemType itemType, @NotBlank @Size(max = 64) String itemId) {
    }
}

package io.jointops.api.cases;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

public record OpenCaseCommand(
        @TargetAggregateIdentifier String caseId,
        @NotBlank @Size(max = MAX_TITLE) String title,
        @Nullable @Size(max = MAX_SUMMARY) String summary,
        @NotBlank String leadAgency,
        Set<String> partnerAgencies,
        @NotNull Tlp tlp,
        @NotNull HandlingCode handlingCode) {

    /** The longest title and summary of a case, also of one opened from a lead. */
    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 4000;
}

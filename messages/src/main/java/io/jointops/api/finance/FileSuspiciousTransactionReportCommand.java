package io.jointops.api.finance;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Files a report a reporting entity (bank, money service business, ...) made to a financial intelligence unit, with
 * all its transactions: the report is stored whole or not at all.
 *
 * @param reportingEntity the institution that reported, by name
 * @param submissionDate  when the reporting entity submitted the report
 * @param reason          why the entity found the transactions suspicious, in its words
 * @param reportingPerson the person at the reporting entity who made the report (optional)
 * @param indicators      the goAML indicators the entity ticked (optional)
 * @param transactions    the reported transactions (optional; thousands in a bulk import)
 * @param ownerAgency     the filing agency, from its token
 * @param releasedTo      the agencies that may see the report besides the owner
 */
public record FileSuspiciousTransactionReportCommand(
        @TargetAggregateIdentifier String reportId,
        @NotNull ReportCode reportCode,
        @NotBlank @Size(max = 200) String reportingEntity,
        @NotNull LocalDate submissionDate,
        @NotBlank @Size(max = 4000) String reason,
        @Nullable @Size(max = 200) String reportingPerson,
        List<@NotBlank @Size(max = 100) String> indicators,
        List<@NotNull @Valid ReportedTransaction> transactions,
        @NotBlank String ownerAgency,
        Set<String> releasedTo,
        @NotNull Tlp tlp,
        @NotNull HandlingCode handlingCode) {
}

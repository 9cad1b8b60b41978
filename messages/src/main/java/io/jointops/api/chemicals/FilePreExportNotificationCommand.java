package io.jointops.api.chemicals;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Notifies the importing country's authority of a planned export of a controlled precursor (1988 Convention,
 * Art. 12(10)(a)).
 *
 * @param exportingAgency     the notifying agency, from its token
 * @param importingAgency     the importing country's authority; the notification is released to it
 * @param casNumber           CAS registry number of the substance, e.g. {@code 108-24-7}
 * @param pointOfEntry        expected point of entry into the importing country
 * @param exportLicenceNumber the export licence or authorisation, where the exporting country issues one; may be null
 * @param mixturePercentage   the substance's share of a mixture in percent; null for the pure substance
 * @param transportMode       may be null where not yet known
 * @param route               transit countries (ISO 3166-1 alpha-2) in order; may be empty
 */
public record FilePreExportNotificationCommand(
        @TargetAggregateIdentifier String notificationId,
        @NotBlank String exportingAgency,
        @NotBlank String importingAgency,
        @NotNull @Valid Party exporter,
        @NotNull @Valid Party importer,
        @NotNull @Valid Party consignee,
        @NotBlank @Size(max = 200) String substanceName,
        @NotBlank String casNumber,
        @NotNull BigDecimal quantity,
        @NotNull QuantityUnit unit,
        @NotNull LocalDate expectedDispatchDate,
        @NotBlank @Size(max = 200) String pointOfEntry,
        @Nullable @Size(max = 64) String exportLicenceNumber,
        @NotNull Tlp tlp,
        @NotNull HandlingCode handlingCode,
        BigDecimal mixturePercentage,
        TransportMode transportMode,
        List<String> route) {
}

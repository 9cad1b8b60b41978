package io.jointops.api.chemicals;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * A diversion or seizure incident, as PICS records it.
 *
 * @param seizingAgency the reporting agency, from its token
 * @param casNumber     may be null for a substance the registry knows by name only
 * @param shipmentId    the tracked shipment it concerns, or null
 * @param releasedTo    agencies besides the seizing agency that may see it
 */
public record ReportIncidentCommand(
        @TargetAggregateIdentifier String incidentId,
        @NotBlank String seizingAgency,
        @NotNull IncidentType type,
        @NotBlank @Size(max = 200) String substanceName,
        @Nullable String casNumber,
        @NotNull BigDecimal quantity,
        @NotNull QuantityUnit unit,
        @NotBlank @Size(max = 200) String place,
        @NotBlank String country,
        @NotNull LocalDate occurredOn,
        @Nullable @Size(max = 2000) String concealmentMethod,
        @Nullable @Size(max = 2000) String modusOperandi,
        @Nullable @Size(max = 64) String shipmentId,
        Set<String> releasedTo,
        @NotNull Tlp tlp,
        @NotNull HandlingCode handlingCode) {
}

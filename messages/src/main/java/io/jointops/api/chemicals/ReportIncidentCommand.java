package io.jointops.api.chemicals;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
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
        String seizingAgency,
        IncidentType type,
        String substanceName,
        String casNumber,
        BigDecimal quantity,
        QuantityUnit unit,
        String place,
        String country,
        LocalDate occurredOn,
        String concealmentMethod,
        String modusOperandi,
        String shipmentId,
        Set<String> releasedTo,
        Tlp tlp,
        HandlingCode handlingCode) {
}

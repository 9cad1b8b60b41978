package io.jointops.api.chemicals;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import io.jointops.api.shared.Tlp;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import static io.jointops.api.shared.Identifies.Kind.CAS_NUMBER;

/**
 * @param substanceName the registry's name of the substance
 * @param title         e.g. "Seizure of 120 KG 4-Anilinopiperidine (4-AP) at Port of Manzanillo"
 */
@Revision("1")
@NonPersonal
public record IncidentReportedEvent(
        String incidentId,
        @Personal String title,
        String seizingAgency,
        IncidentType type,
        @NonPersonal String substanceName,
        @Identifies(kind = CAS_NUMBER) String casNumber,
        String table,
        BigDecimal quantity,
        QuantityUnit unit,
        String place,
        String country,
        LocalDate occurredOn,
        String concealmentMethod,
        @Personal String modusOperandi,
        String shipmentId,
        Set<String> releasedTo,
        Tlp tlp,
        HandlingCode handlingCode) {
}

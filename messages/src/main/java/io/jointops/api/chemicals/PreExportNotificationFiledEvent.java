package io.jointops.api.chemicals;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Tlp;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.jointops.api.shared.Identifies.Kind.CAS_NUMBER;

/**
 * Revision 2 adds the transport details the EU asks for (mixture percentage, transport mode, route) and the instant
 * the importing authority's response is due; revision 1 events are upcast with those empty (and no deadline).
 *
 * @param mixturePercentage the substance's share of a mixture, in percent; null for the pure substance
 * @param route             ISO 3166-1 alpha-2 countries the consignment passes between export and import, in order
 * @param responseDueBy     end of the importing country's response window; null for notifications filed before it
 */
@Revision("2")
@NonPersonal
public record PreExportNotificationFiledEvent(
        String notificationId,
        String exportingAgency,
        String importingAgency,
        Party exporter,
        Party importer,
        Party consignee,
        @NonPersonal String substanceName,
        @Identifies(kind = CAS_NUMBER) String casNumber,
        BigDecimal quantity,
        QuantityUnit unit,
        LocalDate expectedDispatchDate,
        String pointOfEntry,
        String exportLicenceNumber,
        Tlp tlp,
        HandlingCode handlingCode,
        BigDecimal mixturePercentage,
        TransportMode transportMode,
        List<String> route,
        Instant responseDueBy) {
}

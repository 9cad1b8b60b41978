package io.jointops.api.chemicals;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

@Revision("1")
public record PreExportNotificationFiledEvent(
        String notificationId,
        String exportingAgency,
        String importingAgency,
        Party exporter,
        Party importer,
        Party consignee,
        String substanceName,
        String casNumber,
        BigDecimal quantity,
        QuantityUnit unit,
        LocalDate expectedDispatchDate,
        String pointOfEntry,
        String exportLicenceNumber,
        Tlp tlp,
        HandlingCode handlingCode) {
}

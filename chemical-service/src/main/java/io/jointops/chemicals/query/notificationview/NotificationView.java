package io.jointops.chemicals.query.notificationview;

import io.jointops.api.chemicals.Party;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A pre-export notification as the exporting or importing agency sees it. {@code version} is used as ETag. */
public record NotificationView(
        String id,
        String exportingAgency,
        String importingAgency,
        Party exporter,
        Party importer,
        Party consignee,
        String substanceName,
        String casNumber,
        BigDecimal quantity,
        String unit,
        LocalDate expectedDispatchDate,
        String pointOfEntry,
        String exportLicenceNumber,
        String tlp,
        String handlingCode,
        long version,
        Instant filedAt,
        String filedBy,
        Instant updatedAt) {

    public boolean visibleTo(String agency) {
        return exportingAgency.equals(agency) || importingAgency.equals(agency);
    }
}

package io.jointops.chemicals.query.notificationview;

import io.jointops.api.chemicals.Party;
import io.jointops.platform.query.SharedItem;
import io.jointops.platform.query.Versioned;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A pre-export notification as the exporting or importing agency sees it. {@code version} is used as ETag.
 * {@code escalatedTo} names the agencies whose supervisors must follow up a "no reply" (null while not escalated).
 */
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
        Instant updatedAt,
        String status,
        BigDecimal mixturePercentage,
        String transportMode,
        List<String> route,
        Instant responseDueBy,
        Instant acknowledgedAt,
        Instant answeredAt,
        String objectionReason,
        List<String> escalatedTo,
        Instant escalatedAt) implements Versioned, SharedItem {

    /** {@code exportingAgency} and {@code importingAgency}. */
    @Override
    public Set<String> audience() {
        return SharedItem.agencies(java.util.List.of(), exportingAgency, importingAgency);
    }
}

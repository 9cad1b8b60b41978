package io.jointops.chemicals.query.incidentview;

import io.jointops.chemicals.query.DocumentView;
import io.jointops.platform.query.SharedItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A diversion or seizure incident as the seizing agency and the agencies it is released to see it.
 *
 * @param caseLeadId the joint case lead proposed for it (fentanyl precursors of Table I), or null
 */
public record IncidentView(
        String id,
        String title,
        String status,
        String type,
        String seizingAgency,
        List<String> releasedTo,
        List<String> agencies,
        String substanceName,
        String casNumber,
        String table,
        BigDecimal quantity,
        String unit,
        String place,
        String country,
        LocalDate occurredOn,
        String concealmentMethod,
        String modusOperandi,
        String shipmentId,
        String tlp,
        String handlingCode,
        String caseLeadId,
        String caseLeadReason,
        List<String> linkedCases,
        long version,
        Instant createdAt,
        String reportedBy,
        Instant updatedAt) implements DocumentView, SharedItem {

    @Override
    public Set<String> audience() {
        return SharedItem.agencies(agencies);
    }
}

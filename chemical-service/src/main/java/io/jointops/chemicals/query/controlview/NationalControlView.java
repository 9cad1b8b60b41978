package io.jointops.chemicals.query.controlview;

import io.jointops.chemicals.query.DocumentView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A country's national control of a registry substance; read by every platform user (regulatory reference data). */
public record NationalControlView(
        String id,
        String status,
        String addingAgency,
        String substanceName,
        String casNumber,
        String country,
        String legalReference,
        BigDecimal thresholdQuantity,
        String unit,
        List<String> agencies,
        long version,
        Instant createdAt,
        String addedBy) implements DocumentView {
}

package io.jointops.chemicals.query.shipmentview;

import io.jointops.api.chemicals.Party;
import io.jointops.chemicals.query.DocumentView;
import io.jointops.platform.query.SharedItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A tracked shipment as the agencies it is released to see it. {@code risk} is assessed for the reading agency when
 * read (it depends on which intelligence that agency may see), never stored.
 */
public record ShipmentView(
        String id,
        String title,
        String status,
        String registeringAgency,
        String notificationId,
        List<String> agencies,
        Party exporter,
        Party importer,
        Party consignee,
        String substanceName,
        String casNumber,
        BigDecimal quantity,
        String unit,
        BigDecimal licensedQuantity,
        String declaredGoods,
        List<String> declaredRoute,
        String transportMode,
        String tlp,
        String handlingCode,
        List<Movement> movements,
        List<Flag> flags,
        List<Request> requests,
        Stop stop,
        List<String> linkedCases,
        long version,
        Instant createdAt,
        String registeredBy,
        Instant updatedAt,
        Risk risk) implements DocumentView, SharedItem {

    /** departed, at waypoint, transshipped, arrived, seized or released */
    public record Movement(String type, String place, String country, Instant occurredAt, String note,
                           String recordingAgency, Instant recordedAt) {
    }

    public record Flag(String agency, List<String> reasons, String flaggedBy, Instant flaggedAt) {
    }

    /** a request for a controlled delivery or a stop */
    public record Request(String action, String agency, String reason, String requestedBy, Instant requestedAt) {
    }

    /** why the shipment was stopped: the importing authority's objection to its notification */
    public record Stop(String notificationId, String reason, Instant stoppedAt) {
    }

    /** The risk score (0-100, the indicators' weights summed, capped) and each indicator in words. */
    public record Risk(int score, List<Indicator> indicators) {
    }

    public record Indicator(String code, int weight, String reason) {
    }

    @Override
    public Set<String> audience() {
        return SharedItem.agencies(agencies);
    }

    ShipmentView withRisk(Risk assessed) {
        return new ShipmentView(id, title, status, registeringAgency, notificationId, agencies, exporter, importer,
                consignee, substanceName, casNumber, quantity, unit, licensedQuantity, declaredGoods, declaredRoute,
                transportMode, tlp, handlingCode, movements, flags, requests, stop, linkedCases, version, createdAt,
                registeredBy, updatedAt, assessed);
    }
}

package io.jointops.api.chemicals;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Starts tracking a consignment of a controlled precursor, usually one notified by a pre-export notification.
 *
 * @param registeringAgency the caller's agency, from its token
 * @param notificationId    the pre-export notification it ships under, or null
 * @param agencies          every agency that may see the shipment (the registering agency, both agencies of the
 *                          notification, and any it is released to)
 * @param licensedQuantity  the quantity the export licence or notification covers, or null if none
 * @param declaredGoods     the goods description on the transport or customs documents
 * @param declaredRoute     transit countries (ISO 3166-1 alpha-2) as declared, in order
 */
public record RegisterShipmentCommand(
        @TargetAggregateIdentifier String shipmentId,
        String registeringAgency,
        String notificationId,
        Set<String> agencies,
        Party exporter,
        Party importer,
        Party consignee,
        String substanceName,
        String casNumber,
        BigDecimal quantity,
        QuantityUnit unit,
        BigDecimal licensedQuantity,
        String declaredGoods,
        List<String> declaredRoute,
        TransportMode transportMode,
        Tlp tlp,
        HandlingCode handlingCode) {
}

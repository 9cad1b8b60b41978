package io.jointops.api.chemicals;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
        @NotBlank String registeringAgency,
        @Nullable @Size(max = 64) String notificationId,
        Set<String> agencies,
        @NotNull @Valid Party exporter,
        @NotNull @Valid Party importer,
        @NotNull @Valid Party consignee,
        @NotBlank @Size(max = 200) String substanceName,
        @Nullable String casNumber,
        @NotNull BigDecimal quantity,
        @NotNull QuantityUnit unit,
        BigDecimal licensedQuantity,
        @NotBlank @Size(max = 200) String declaredGoods,
        List<String> declaredRoute,
        TransportMode transportMode,
        @NotNull Tlp tlp,
        @NotNull HandlingCode handlingCode) {
}

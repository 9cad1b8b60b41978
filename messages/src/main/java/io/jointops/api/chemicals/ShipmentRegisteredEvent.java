package io.jointops.api.chemicals;

import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import io.jointops.api.shared.Tlp;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static io.jointops.api.shared.Identifies.Kind.CAS_NUMBER;

/** @param title how the shipment is named in lists and on cases, e.g. "500 KG 4-AP to Pacific Reagents LLC" */
@Revision("1")
@NonPersonal
public record ShipmentRegisteredEvent(
        String shipmentId,
        @Personal String title,
        String registeringAgency,
        String notificationId,
        Set<String> agencies,
        Party exporter,
        Party importer,
        Party consignee,
        @NonPersonal String substanceName,
        @Identifies(kind = CAS_NUMBER) String casNumber,
        BigDecimal quantity,
        QuantityUnit unit,
        BigDecimal licensedQuantity,
        String declaredGoods,
        List<String> declaredRoute,
        TransportMode transportMode,
        Tlp tlp,
        HandlingCode handlingCode) {
}

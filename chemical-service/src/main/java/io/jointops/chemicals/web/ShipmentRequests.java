package io.jointops.chemicals.web;

import io.jointops.platform.web.Country;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.ShipmentEventType;
import io.jointops.api.chemicals.ShipmentRequestType;
import io.jointops.api.chemicals.TransportMode;
import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Request bodies of the shipment API. The registering or recording agency is never among them: it is the caller's. */
final class ShipmentRequests {


    private ShipmentRequests() {
    }

    /**
     * With {@code notificationId}, parties, substance, route, licensed quantity and labels come from the notification
     * (the fields given here override the quantity and the labels); without it they must all be given.
     */
    record RegisterShipment(
            @Size(max = 64) String notificationId,
            @Size(max = 20) List<@NotNull @Pattern(regexp = Agencies.PATTERN, message = NotificationRequests.AGENCY_MESSAGE) String> releasedTo,
            @Valid NotificationRequests.PartyRequest exporter,
            @Valid NotificationRequests.PartyRequest importer,
            @Valid NotificationRequests.PartyRequest consignee,
            @Size(max = 200) String substanceName,
            @Pattern(regexp = NotificationRequests.CAS_FORM, message = "must be a CAS registry number such as 108-24-7") String casNumber,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3) BigDecimal quantity,
            QuantityUnit unit,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3) BigDecimal licensedQuantity,
            @NotBlank @Size(max = 200) String declaredGoods,
            @Size(max = 20) List<@NotNull @Country String> declaredRoute,
            TransportMode transportMode,
            Tlp tlp,
            HandlingCode handlingCode) {
    }

    record RecordEvent(
            @NotNull ShipmentEventType type,
            @NotBlank @Size(max = 200) String place,
            @NotNull @Country String country,
            @NotNull Instant occurredAt,
            @Size(max = 2000) String note) {
    }

    record Flag(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> reasons) {
    }

    record ActionRequest(@NotNull ShipmentRequestType action, @NotBlank @Size(max = 2000) String reason) {
    }
}

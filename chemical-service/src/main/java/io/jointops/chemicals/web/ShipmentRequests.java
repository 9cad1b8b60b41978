package io.jointops.chemicals.web;

import io.jointops.platform.web.Country;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.ShipmentEventType;
import io.jointops.api.chemicals.ShipmentRequestType;
import io.jointops.api.chemicals.TransportMode;
import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(example = """
            {"releasedTo":["CN-CUSTOMS"],"exporter":{"name":"Rhine Chemicals BV","address":{"street":"Havenweg 1",
             "city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},"importer":{"name":"Tianjin Fine Chem Co.",
             "address":{"street":"8 Binhai Road","city":"Tianjin","country":"CN"}},
             "consignee":{"name":"Warehouse 3","address":{"street":"12 Port Road","city":"Tianjin",
             "postalCode":"300450","country":"CN"}},"substanceName":"Acetic anhydride","casNumber":"108-24-7",
             "quantity":1250.5,"unit":"L","licensedQuantity":1250.5,"declaredGoods":"Industrial solvent",
             "declaredRoute":["NL","SG","CN"],"transportMode":"SEA","tlp":"TLP:AMBER","handlingCode":"H1"}""")
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

    @Schema(example = """
            {"type":"DEPARTED","place":"Port of Rotterdam","country":"NL","occurredAt":"2026-03-01T06:00:00Z",
             "note":"Loaded on MV Nordic Star"}""")
    record RecordEvent(
            @NotNull ShipmentEventType type,
            @NotBlank @Size(max = 200) String place,
            @NotNull @Country String country,
            @NotNull Instant occurredAt,
            @Size(max = 2000) String note) {
    }

    /** Named apart from the shipment view's flag, which would otherwise take its place in the API document. */
    @Schema(name = "FlagRequest", example = """
            {"reasons":["The consignee is a warehouse rented a week before the order"]}""")
    record Flag(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> reasons) {
    }

    @Schema(example = """
            {"action":"CONTROLLED_DELIVERY","reason":"Follow the drums to the buyer in Tianjin"}""")
    record ActionRequest(@NotNull ShipmentRequestType action, @NotBlank @Size(max = 2000) String reason) {
    }
}

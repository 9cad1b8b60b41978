package io.jointops.chemicals.web;

import io.jointops.platform.web.Country;
import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import io.jointops.api.chemicals.TransportMode;

/** Request bodies of the pre-export notification API. The exporting agency is never among them: it is the caller's. */
final class NotificationRequests {

    static final String AGENCY_MESSAGE = "must be an agency code such as US-DEA";
    /** Form only; the check digit and the registry are the aggregate's to check. */
    static final String CAS_FORM = "^[1-9]\\d{1,6}-\\d{2}-\\d$";

    private NotificationRequests() {
    }

    @Schema(example = """
            {"importingAgency":"CN-CUSTOMS","exporter":{"name":"Rhine Chemicals BV",
             "address":{"street":"Havenweg 1","city":"Rotterdam","postalCode":"3011 AA","country":"NL"}},
             "importer":{"name":"Tianjin Fine Chem Co.","address":{"street":"8 Binhai Road","city":"Tianjin",
             "country":"CN"}},"consignee":{"name":"Warehouse 3","address":{"street":"12 Port Road","city":"Tianjin",
             "postalCode":"300450","country":"CN"}},"substanceName":"Acetic anhydride","casNumber":"108-24-7",
             "quantity":1250.5,"unit":"L","expectedDispatchDate":"2030-02-01","pointOfEntry":"Port of Tianjin",
             "exportLicenceNumber":"NL-EXP-2026-0042","tlp":"TLP:AMBER","handlingCode":"H1","transportMode":"SEA",
             "route":["NL","SG","CN"]}""")
    record FileNotification(
            @NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String importingAgency,
            @NotNull @Valid PartyRequest exporter,
            @NotNull @Valid PartyRequest importer,
            @NotNull @Valid PartyRequest consignee,
            @NotBlank @Size(max = 200) String substanceName,
            @NotNull @Pattern(regexp = CAS_FORM, message = "must be a CAS registry number such as 108-24-7") String casNumber,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3) BigDecimal quantity,
            @NotNull QuantityUnit unit,
            @NotNull LocalDate expectedDispatchDate,
            @NotBlank @Size(max = 200) String pointOfEntry,
            @Size(max = 64) String exportLicenceNumber,
            @NotNull Tlp tlp,
            @NotNull HandlingCode handlingCode,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal mixturePercentage,
            TransportMode transportMode,
            @Size(max = 20) List<@NotNull @Country String> route) {
    }

    @Schema(example = """
            {"reason":"The importer holds no licence for acetic anhydride"}""")
    record Objection(@NotBlank @Size(max = 2000) String reason) {
    }

    record PartyRequest(@NotBlank @Size(max = 200) String name, @NotNull @Valid AddressRequest address) {

        Party toParty() {
            return new Party(name, new Address(address.street(), address.city(), address.postalCode(), address.country()));
        }
    }

    record AddressRequest(
            @NotBlank @Size(max = 200) String street,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 20) String postalCode,
            @NotNull @Country String country) {
    }
}

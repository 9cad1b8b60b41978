package io.jointops.chemicals.web;

import io.jointops.platform.web.Country;
import io.jointops.api.chemicals.IncidentType;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the incident and national-control APIs; the seizing or adding agency is the caller's. */
final class IncidentRequests {

    private IncidentRequests() {
    }

    @Schema(example = """
            {"type":"SEIZURE","substanceName":"Acetic anhydride","casNumber":"108-24-7","quantity":400,"unit":"L",
             "place":"Port of Rotterdam","country":"NL","occurredOn":"2026-03-14",
             "concealmentMethod":"Declared as vinegar concentrate","modusOperandi":"Split over four containers",
             "releasedTo":["CN-CUSTOMS"],"tlp":"TLP:AMBER","handlingCode":"H1"}""")
    record ReportIncident(
            @NotNull IncidentType type,
            @NotBlank @Size(max = 200) String substanceName,
            @Pattern(regexp = NotificationRequests.CAS_FORM, message = "must be a CAS registry number such as 108-24-7") String casNumber,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3) BigDecimal quantity,
            @NotNull QuantityUnit unit,
            @NotBlank @Size(max = 200) String place,
            @NotNull @Country String country,
            @NotNull LocalDate occurredOn,
            @Size(max = 2000) String concealmentMethod,
            @Size(max = 2000) String modusOperandi,
            @Size(max = 64) String shipmentId,
            @Size(max = 20) List<@NotNull @Pattern(regexp = Agencies.PATTERN, message = NotificationRequests.AGENCY_MESSAGE) String> releasedTo,
            @NotNull Tlp tlp,
            @NotNull HandlingCode handlingCode) {
    }

    @Schema(example = """
            {"substanceName":"Acetic anhydride","casNumber":"108-24-7","country":"NL",
             "legalReference":"Opiumwet, Art. 2","thresholdQuantity":100,"unit":"L"}""")
    record AddNationalControl(
            @NotBlank @Size(max = 200) String substanceName,
            @Pattern(regexp = NotificationRequests.CAS_FORM, message = "must be a CAS registry number such as 108-24-7") String casNumber,
            @NotNull @Country String country,
            @NotBlank @Size(max = 200) String legalReference,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3) BigDecimal thresholdQuantity,
            QuantityUnit unit) {
    }
}

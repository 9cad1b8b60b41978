package io.jointops.intel.web;

import io.jointops.platform.web.Country;
import io.jointops.api.intel.EntityType;
import io.jointops.api.intel.FeedbackKind;
import io.jointops.api.intel.IntelCategory;
import io.jointops.api.intel.IntelEntity;
import io.jointops.api.intel.IntelRelation;
import io.jointops.api.intel.IntelReportContent;
import io.jointops.api.intel.SourceReliability;
import io.jointops.api.intel.TraffickingRoute;
import io.jointops.api.shared.Agencies;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Request bodies of the intelligence report API. The owner agency is never among them: it is the caller's. */
final class IntelReportRequests {

    static final String AGENCY_MESSAGE = "must be an agency code such as US-DEA";

    private IntelReportRequests() {
    }

    /** A draft, or the whole content of a revision. Entities are normalised by the service, not by the client. */
    @Schema(example = """
            {"title":"NPP shipments via Rotterdam","summary":"A broker in Tianjin ships NPP as machine parts",
             "category":"TRAFFICKING_ROUTE","sourceReliability":"B","informationCredibility":2,
             "releasedTo":["US-DEA"],"tlp":"TLP:AMBER","handlingCode":"H2","entities":[{"entityId":"e1",
             "type":"PHONE_NUMBER","value":"+86 10 5555 0404"},{"entityId":"e2","type":"ORGANISATION",
             "value":"ACME Trading Co., Ltd."}],"relations":[{"from":"e2","kind":"USES","to":"e1"}],
             "route":{"waypoints":[{"place":"Tianjin","country":"CN","transportMode":"SEA",
             "concealmentMethod":"machine parts"},{"place":"Rotterdam","country":"NL","transportMode":"ROAD"}],
             "substances":["NPP"],"firstSeen":"2025-01-01","lastSeen":"2025-06-01"}}""")
    record DraftReport(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String summary,
            @Size(max = 100_000) String body,
            @NotNull IntelCategory category,
            @NotNull SourceReliability sourceReliability,
            @NotNull @Min(1) @Max(6) Integer informationCredibility,
            @Size(max = 30) List<@NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String> releasedTo,
            @NotNull Tlp tlp,
            @NotNull HandlingCode handlingCode,
            @Size(max = 2000) String handlingRestriction,
            @Size(max = 500) List<@NotNull @Valid Entity> entities,
            @Size(max = 2000) List<@NotNull IntelRelation> relations,
            TraffickingRoute route) {

        IntelReportContent content() {
            return new IntelReportContent(title, summary, body, category, sourceReliability, informationCredibility,
                    tlp, handlingCode, handlingRestriction, releasedTo == null ? Set.of() : new HashSet<>(releasedTo),
                    entities == null ? List.of() : entities.stream()
                            .map(entity -> new IntelEntity(entity.entityId(), entity.type(), entity.value(), null,
                                    entity.country())).toList(),
                    relations == null ? List.of() : relations, route);
        }
    }

    /** @param country for a phone number written without its country code: where it is dialled, e.g. US */
    record Entity(@NotBlank @Size(max = 64) String entityId, @NotNull EntityType type,
                  @NotBlank @Size(max = 500) String value,
                  @Country String country) {
    }


    @Schema(example = """
            {"comments":"Cite the source of the phone number"}""")
    record Comments(@NotBlank @Size(max = 2000) String comments) {
    }

    @Schema(example = """
            {"reason":"The source withdrew the information"}""")
    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(example = """
            {"sourceReliability":"A","informationCredibility":1,"reason":"Confirmed by the seizure at Rotterdam"}""")
    record Regrade(@NotNull SourceReliability sourceReliability, @NotNull @Min(1) @Max(6) Integer informationCredibility,
                   @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(example = """
            {"agencies":["GB-NCA"]}""")
    record WidenRelease(
            @NotEmpty @Size(max = 30) List<@NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String> agencies) {
    }

    /** Named apart from the report view's onward request, which would otherwise take its place in the API document. */
    @Schema(name = "OnwardDisseminationRequest", example = """
            {"toAgency":"GB-NCA","justification":"The route ends in the United Kingdom"}""")
    record OnwardRequest(@NotNull @Pattern(regexp = Agencies.PATTERN, message = AGENCY_MESSAGE) String toAgency,
                         @NotBlank @Size(max = 2000) String justification) {
    }

    @Schema(example = """
            {"consent":true,"comment":"Pass it on with our handling code"}""")
    record Decision(@NotNull Boolean consent, @Size(max = 2000) String comment) {
    }

    /** Named apart from the report view's feedback, which would otherwise take its place in the API document. */
    @Schema(name = "FeedbackRequest", example = """
            {"kind":"CONFIRMED","comment":"The phone number was seized in Houston"}""")
    record Feedback(@NotNull FeedbackKind kind, @Size(max = 2000) String comment) {
    }
}

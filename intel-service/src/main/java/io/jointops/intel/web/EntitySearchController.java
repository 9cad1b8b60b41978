package io.jointops.intel.web;

import io.jointops.identifiers.Countries;
import io.swagger.v3.oas.annotations.Operation;
import io.jointops.api.intel.EntityType;
import io.jointops.identifiers.Identifier;
import io.jointops.identifiers.InvalidIdentifierException;
import io.jointops.intel.command.EntityIdentifiers;
import io.jointops.intel.query.notifications.HiddenHitNotices;
import io.jointops.intel.query.notifications.Notifications;
import io.jointops.intel.query.reportview.IntelReportViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/**
 * Hit/no-hit on entities, and the owners' notifications of the hits that the searcher may not see. The answer is the
 * same whether or not a hidden report matched, in status, headers, body and work done: the searcher learns only of
 * reports it may see, and every search records one notice for the owners, which is published off the request path
 * ({@link HiddenHitNotices}). Matching goes across scripts and spellings ({@code io.jointops.identifiers}): every
 * match says the rule it matched by, and how strong that is.
 */
@RestController
@RequestMapping("/api/intel")
class EntitySearchController {

    private final IntelReportViews views;
    private final Notifications notifications;
    private final HiddenHitNotices notices;

    EntitySearchController(IntelReportViews views, Notifications notifications, HiddenHitNotices notices) {
        this.views = views;
        this.notifications = notifications;
        this.notices = notices;
    }

    /**
     * @param country for a phone number written without its country code: the country it is dialled in (ISO 3166-1
     *                alpha-2, e.g. US)
     */
    @Operation(summary = "Hit/no-hit search for an entity across the reports the caller's agency may see")
    @GetMapping("/entities/search")
    SearchResult search(Caller caller, @RequestParam EntityType type, @RequestParam String value,
                        @RequestParam(required = false) String country) {
        if (value.length() > 500) {
            throw new InvalidRequestException("value", "must be at most 500 characters");
        }
        // typed into a search box: either case, as the identifiers read it
        if (country != null && !Countries.isCountry(country.toUpperCase(Locale.ROOT))) {
            throw new InvalidRequestException("country", Countries.fault(country));
        }
        if (country != null && type != EntityType.PHONE_NUMBER) {
            throw new InvalidRequestException("country", "is given for phone numbers only");
        }
        Identifier query;
        try {
            query = EntityIdentifiers.of(type, value, country);
        } catch (InvalidIdentifierException e) {
            throw new InvalidRequestException(e.part() == InvalidIdentifierException.Part.COUNTRY ? "country" : "value",
                    e.getMessage());
        }
        IntelReportViews.EntityMatches matches = views.matching(type, query, caller.agencyFilter());
        // recorded for every search, hidden hits or none, so that neither the answer nor its time tells them apart
        notices.record(caller, type, query.canonical(), matches.hidden().stream()
                .map(hidden -> new HiddenHitNotices.Hit(hidden.reportId(), hidden.ownerAgency(), hidden.rule().id()))
                .toList());
        return new SearchResult(type.name(), query.canonical(), !matches.visible().isEmpty(),
                matches.visible().stream().map(IntelReportViews.EntityMatch::reportId).toList(),
                matches.visible().stream().map(match -> new Match(match.reportId(), match.rule().id(),
                        match.rule().strength().name().toLowerCase(Locale.ROOT))).toList());
    }

    /** The searches of other agencies that matched the caller's agency's reports; auditors see all. */
    @Operation(summary = "Notifications to the caller's agency, e.g. hidden hits on its reports")
    @GetMapping("/notifications")
    Page<Notifications.Notification> notifications(Caller caller,
                                                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return notifications.of(caller.agencyFilter(), page, size);
    }

    /**
     * @param normalised the searched value's canonical form
     * @param hit        whether a report the caller may see names the entity
     * @param reports    those reports' ids
     * @param matches    the same reports, each with the strongest rule one of its entities matched by
     */
    record SearchResult(String type, String normalised, boolean hit, List<String> reports, List<Match> matches) {
    }

    /**
     * @param rule     {@code exact}, {@code case-and-punctuation}, {@code latin-letters}, {@code reversed-order},
     *                 {@code pinyin}, {@code pinyin-reversed-order}, {@code e164}, {@code imo}
     * @param strength {@code exact}, {@code equivalent} (the same identifier written differently) or {@code similar}
     *                 (a spelling that may name someone else: many Chinese names share one pinyin)
     */
    record Match(String reportId, String rule, String strength) {
    }
}

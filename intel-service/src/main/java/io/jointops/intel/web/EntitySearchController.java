package io.jointops.intel.web;

import io.jointops.api.intel.EntityType;
import io.jointops.intel.command.EntityNormaliser;
import io.jointops.intel.query.notifications.HiddenHitNotices;
import io.jointops.intel.query.notifications.Notifications;
import io.jointops.intel.query.reportview.IntelReportViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Hit/no-hit on entities, and the owners' notifications of the hits that the searcher may not see. The answer is the
 * same whether or not a hidden report matched, in status, headers, body and work done: the searcher learns only of
 * reports it may see, and every search records one notice for the owners, which is published off the request path
 * ({@link HiddenHitNotices}).
 */
@RestController
@RequestMapping("/api/intel")
@Validated
class EntitySearchController {

    private final IntelReportViews views;
    private final Notifications notifications;
    private final HiddenHitNotices notices;

    EntitySearchController(IntelReportViews views, Notifications notifications, HiddenHitNotices notices) {
        this.views = views;
        this.notifications = notifications;
        this.notices = notices;
    }

    @GetMapping("/entities/search")
    SearchResult search(Caller caller, @RequestParam EntityType type, @RequestParam String value) {
        if (value.length() > 500) {
            throw new InvalidRequestException("value", "must be at most 500 characters");
        }
        String normalised;
        try {
            normalised = EntityNormaliser.normalise(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("value", e.getMessage());
        }
        IntelReportViews.EntityMatches matches = views.matching(type, normalised, caller.agencyFilter());
        // recorded for every search, hidden hits or none, so that neither the answer nor its time tells them apart
        notices.record(caller, type, normalised, matches.hidden().stream()
                .map(hidden -> new HiddenHitNotices.Hit(hidden.reportId(), hidden.ownerAgency())).toList());
        return new SearchResult(type.name(), normalised, !matches.visible().isEmpty(), matches.visible());
    }

    /** The searches of other agencies that matched the caller's agency's reports; auditors see all. */
    @GetMapping("/notifications")
    Page<Notifications.Notification> notifications(Caller caller,
                                                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return notifications.of(caller.agencyFilter(), page, size);
    }

    /**
     * @param hit     whether a report the caller may see names the entity
     * @param reports those reports' ids
     */
    record SearchResult(String type, String normalised, boolean hit, List<String> reports) {
    }
}

package io.jointops.cases.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.jointops.api.cases.CaseItemLinkedEvent;
import io.jointops.api.cases.CaseLinkedItemUpdatedEvent;
import io.jointops.cases.query.caseview.CaseView;
import io.jointops.cases.query.caseview.CaseVisibility;
import io.jointops.cases.query.cooperation.CooperationRequestView;
import io.jointops.cases.query.cooperation.CooperationRequests;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryEntry;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.history.ItemEvent;
import io.jointops.platform.security.Caller;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A case's events as a reader is shown them ({@link CaseVisibility} decides, on the typed events): its history, and
 * its timeline: its own events (including the linked items' links and changes, as case-service recorded them from the
 * owning services' events) and the events of its cooperation requests the reader's agency sees, in the platform's
 * global order. Global positions only for auditors ({@link EventHistory#seesPositions}).
 */
@Component
class Timeline {

    private static final int MAX_EVENTS = 10_000;

    private final EventHistory history;
    private final CooperationRequests requests;

    Timeline(EventHistory history, CooperationRequests requests) {
        this.history = history;
        this.requests = requests;
    }

    /**
     * One entry of a timeline.
     *
     * @param globalPosition for auditors only; absent for everyone else
     * @param source         {@code case}, {@code linked-item} or {@code cooperation-request}
     * @param itemId         the case's id or the request's
     */
    record Entry(@JsonInclude(JsonInclude.Include.NON_NULL)
                 @Schema(description = "Position in the platform-wide event log; only for auditors, absent for "
                         + "everyone else", nullable = true, requiredMode = Schema.RequiredMode.NOT_REQUIRED)
                 Long globalPosition,
                 Instant timestamp, String source, String itemId, String type, String actor, String agency,
                 JsonNode payload) {
    }

    /**
     * @param shown the case as the caller is shown it: its linked items are those the caller may see
     */
    List<Entry> of(String caseId, Caller caller, CaseView shown) {
        String agency = caller.agencyFilter();
        List<Sourced> events = new ArrayList<>();
        for (ItemEvent event : history.events(caseId, MAX_EVENTS)) {
            if (CaseVisibility.shows(event.payload(), agency, shown)) {
                boolean linkedItem = event.payload() instanceof CaseItemLinkedEvent
                        || event.payload() instanceof CaseLinkedItemUpdatedEvent;
                events.add(new Sourced(event, linkedItem ? "linked-item" : "case", caseId));
            }
        }
        for (CooperationRequestView request : requests.ofCase(caseId, agency)) {
            for (ItemEvent event : history.events(request.id(), MAX_EVENTS)) {
                if (CaseVisibility.shows(event.payload(), agency, shown)) {
                    events.add(new Sourced(event, "cooperation-request", request.id()));
                }
            }
        }
        // ordered by global position, which the answer carries for auditors only
        return events.stream().sorted(Comparator.comparingLong(sourced -> sourced.event().globalPosition()))
                .map(sourced -> {
                    HistoryEntry entry = history.entry(sourced.event(), caller);
                    return new Entry(entry.globalPosition(), entry.timestamp(), sourced.source(), sourced.itemId(),
                            entry.type(), entry.actor(), entry.agency(), entry.payload());
                })
                .toList();
    }

    /**
     * Page {@code page} of the case's history as the caller is shown it: every event keeps its place, one it may not
     * see as a {@link CaseVisibility.Withheld} stand-in, so paging and sequences stay intact.
     *
     * @param shown the case as the caller is shown it ({@link CaseView#shownTo})
     */
    HistoryPage history(String caseId, int page, int size, Caller caller, CaseView shown) {
        long from = (long) page * size;
        List<HistoryEntry> entries = CaseVisibility.shown(history).entries(caseId, shown, from, from + size - 1, caller);
        return new HistoryPage(caseId, entries, page, size, history.count(caseId));
    }

    private record Sourced(ItemEvent event, String source, String itemId) {
    }
}

package io.jointops.cases.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointops.cases.query.cooperation.CooperationRequestView;
import io.jointops.cases.query.caseview.CaseView;
import io.jointops.cases.query.cooperation.CooperationRequests;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryEntry;
import io.jointops.platform.history.HistoryPage;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A case's timeline: its own events (including the linked items' links and changes, as case-service recorded them
 * from the owning services' events) and the events of its cooperation requests, in the platform's global order.
 * What the caller may not see is left out: a TLP:RED note of another agency, a request between two other agencies,
 * the link and changes of an item its owner did not release to the caller's agency (one linked before the agency
 * joined the case, {@link CaseView#shownTo}).
 */
@Component
class Timeline {

    private static final int MAX_EVENTS = 10_000;
    private static final Set<String> LINKED_ITEM_EVENTS = Set.of("CaseItemLinkedEvent", "CaseLinkedItemUpdatedEvent");

    private final EventHistory history;
    private final CooperationRequests requests;

    Timeline(EventHistory history, CooperationRequests requests) {
        this.history = history;
        this.requests = requests;
    }

    /**
     * One entry of a timeline.
     *
     * @param source  {@code case}, {@code linked-item} or {@code cooperation-request}
     * @param itemId  the case's id or the request's
     */
    record Entry(long globalPosition, Instant timestamp, String source, String itemId, String type, String actor,
                 String agency, JsonNode payload) {
    }

    /**
     * @param agency the caller's agency; {@code null} for joint auditors, who see everything
     * @param shown  the case as the caller is shown it: its linked items are those the caller may see
     */
    List<Entry> of(String caseId, String agency, CaseView shown) {
        List<Entry> entries = new ArrayList<>();
        for (HistoryEntry event : history.of(caseId, 0, MAX_EVENTS)) {
            if (visible(event, agency, shown)) {
                entries.add(new Entry(event.globalPosition(), event.timestamp(),
                        LINKED_ITEM_EVENTS.contains(event.type()) ? "linked-item" : "case", caseId, event.type(),
                        event.actor(), event.agency(), event.payload()));
            }
        }
        for (CooperationRequestView request : requests.ofCase(caseId, agency)) {
            for (HistoryEntry event : history.of(request.id(), 0, MAX_EVENTS)) {
                entries.add(new Entry(event.globalPosition(), event.timestamp(), "cooperation-request", request.id(),
                        event.type(), event.actor(), event.agency(), event.payload()));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::globalPosition));
        return entries;
    }

    /**
     * The case's history page with TLP:RED notes of other agencies reduced to their id, and the links and changes of
     * items not released to the caller's agency to the case's id, so paging stays intact.
     *
     * @param shown the case as the caller is shown it ({@link CaseView#shownTo})
     */
    static HistoryPage redacted(HistoryPage page, String agency, CaseView shown) {
        List<HistoryEntry> events = page.events().stream().map(event -> visible(event, agency, shown) ? event
                : new HistoryEntry(event.globalPosition(), event.sequence(), event.type(), event.revision(),
                event.timestamp(), event.actor(), event.actorId(), event.agency(), event.correlationId(),
                event.causationId(), withheld(event))).toList();
        return new HistoryPage(page.itemId(), events, page.page(), page.size(), page.totalEvents());
    }

    private static boolean visible(HistoryEntry event, String agency, CaseView shown) {
        if (agency == null) {
            return true;
        }
        if (LINKED_ITEM_EVENTS.contains(event.type())) {
            return shown.showsLinkedItem(event.payload().path("itemType").asText(),
                    event.payload().path("itemId").asText(), agency);
        }
        return !"CaseNoteAddedEvent".equals(event.type())
                || !"TLP:RED".equals(event.payload().path("tlp").asText())
                || agency.equals(event.payload().path("agency").asText());
    }

    private static JsonNode withheld(HistoryEntry event) {
        JsonNode payload = event.payload();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("caseId", payload.get("caseId"));
        if (!LINKED_ITEM_EVENTS.contains(event.type())) {
            node.set("noteId", payload.get("noteId"));
            node.put("tlp", "TLP:RED");
        }
        node.put("withheld", true);
        return node;
    }
}

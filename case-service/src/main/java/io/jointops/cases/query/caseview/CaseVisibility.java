package io.jointops.cases.query.caseview;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jointops.api.cases.CaseItemLinkedEvent;
import io.jointops.api.cases.CaseLinkedItemUpdatedEvent;
import io.jointops.api.cases.CaseNoteAddedEvent;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.ShownEvents;

/**
 * case-service's one visibility policy for events: what an agency taking part in a case is shown of the case's events
 * and of its cooperation requests' (history, timeline, exports) and of its notes, decided on the typed events as the event store reads them
 * today (upcast), never on event names or stored JSON. Joint auditors ({@code agency == null}) are shown everything.
 * <ul>
 * <li>a {@code TLP:RED} note only to the agency that wrote it;</li>
 * <li>a linked item's link and changes only to the agencies its owner released it to ({@link CaseView#shownTo}: the
 *     case's agencies when the link was recorded);</li>
 * <li>every other event to every agency that sees the case (a cooperation request's events to the agencies that see
 *     the request: the request view decides which requests an agency sees).</li>
 * </ul>
 * Where an event is not shown, a history keeps its place with a {@link Withheld} stand-in (so pages and sequences
 * hold) and a timeline leaves it out. Pure, for the tests.
 */
public final class CaseVisibility {

    private CaseVisibility() {
    }

    /**
     * Whether {@code agency} is shown {@code event} whole.
     *
     * @param event the event record, as the event store reads it
     * @param shown the case as {@code agency} is shown it ({@link CaseView#shownTo})
     */
    public static boolean shows(Object event, String agency, CaseView shown) {
        if (agency == null) {
            return true;
        }
        if (event instanceof CaseNoteAddedEvent note) {
            return readsNote(note.tlp(), note.agency(), agency);
        }
        if (event instanceof CaseItemLinkedEvent linked) {
            return shown.showsLinkedItem(linked.itemType().name(), linked.itemId(), agency);
        }
        if (event instanceof CaseLinkedItemUpdatedEvent updated) {
            return shown.showsLinkedItem(updated.itemType().name(), updated.itemId(), agency);
        }
        return true;
    }

    /**
     * Whether {@code agency} ({@code null}: joint auditors) reads a note of {@code tlp} written by {@code writingAgency}:
     * a {@code TLP:RED} note only the writing agency; the same rule for the note's event and for the notes list.
     */
    public static boolean readsNote(Tlp tlp, String writingAgency, String agency) {
        return agency == null || tlp != Tlp.RED || agency.equals(writingAgency);
    }

    /**
     * A case's events as a reader is shown them, each keeping its place ({@link #shownTo}): the case's history and
     * the partner feed answer from this.
     */
    public static ShownEvents<CaseView> shown(EventHistory history) {
        return (caseId, shown, from, to, reader) -> to < from ? java.util.List.of()
                : history.events(caseId, from, (int) Math.min(to - from + 1, Integer.MAX_VALUE)).stream()
                .map(event -> history.entry(event, shownTo(event.payload(), reader.agencyFilter(), shown), reader))
                .toList();
    }

    /** What {@code agency} is shown of {@code event}: the event itself, or a {@link Withheld} stand-in. */
    public static Object shownTo(Object event, String agency, CaseView shown) {
        if (shows(event, agency, shown)) {
            return event;
        }
        if (event instanceof CaseNoteAddedEvent note) {
            return new Withheld(note.caseId(), note.noteId(), note.tlp().label());
        }
        return new Withheld(shown.id(), null, null);
    }

    /**
     * What stands in for an event a reader may not see: the case, and for a note its id and label, so that the note's
     * later references are understood, but neither its text nor who wrote it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Withheld(String caseId, String noteId, String tlp, boolean withheld) {

        Withheld(String caseId, String noteId, String tlp) {
            this(caseId, noteId, tlp, true);
        }
    }
}

package io.jointops.intel.query.reportview;

import io.jointops.api.intel.IntelReportDisseminatedEvent;
import io.jointops.api.intel.IntelReportFeedbackGivenEvent;
import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import io.jointops.api.intel.IntelReportRegradedEvent;
import io.jointops.api.intel.IntelReportReleaseWidenedEvent;
import io.jointops.api.intel.IntelReportSubmittedEvent;
import io.jointops.api.intel.IntelReportWithdrawnEvent;
import io.jointops.api.intel.OnwardDisseminationConsentedEvent;
import io.jointops.api.intel.OnwardDisseminationRefusedEvent;
import io.jointops.api.intel.OnwardDisseminationRequestedEvent;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.ItemEvent;
import io.jointops.platform.history.ShownEvents;

import java.util.ArrayList;
import java.util.List;

/**
 * intel-service's one visibility policy for events: what an agency is shown of a report's events, decided on the
 * typed events as the event store reads them today (upcast), never on event names or stored JSON. The report's stream
 * holds drafts, the supervisor's return comments, and every recipient's feedback and onward requests, none of which is
 * a recipient's business. The owner agency and auditors see every event; a recipient sees the events from the one that
 * released the report to it on, and of those only the ones that concern it:
 * <ul>
 * <li>the dissemination (the content as it was disseminated; also shown to an agency the release was widened to
 *     later, since the widening itself carries no content) and a report submitted before the workflow existed;</li>
 * <li>re-gradings and the withdrawal;</li>
 * <li>widenings that add it, or that follow from its own onward request;</li>
 * <li>its own feedback, its own onward requests and the owner's decisions on them, its own case links.</li>
 * </ul>
 * Never drafts, revisions, submissions, returns or approvals, other agencies' feedback or onward requests, widenings
 * to others, or an event of a type it does not know. Pure, for the tests.
 */
public final class IntelVisibility {

    private IntelVisibility() {
    }

    /**
     * The events {@code agency} is shown, in stream order; none if the report never reached it.
     *
     * @param events      all of the report's events, in stream order
     * @param agency      the reader's agency; {@code null} for joint auditors
     * @param ownerAgency the report's owner agency
     */
    public static List<ItemEvent> shownTo(List<ItemEvent> events, String agency, String ownerAgency) {
        if (agency == null || agency.equals(ownerAgency)) {
            return events;
        }
        int reached = -1;
        for (int i = 0; i < events.size() && reached < 0; i++) {
            if (releasesTo(events.get(i).payload(), agency)) {
                reached = i;
            }
        }
        if (reached < 0) {
            return List.of();
        }
        List<ItemEvent> shown = new ArrayList<>();
        for (int i = 0; i < reached; i++) {
            // the content it received, when the release was widened to it after the dissemination
            Object payload = events.get(i).payload();
            if (payload instanceof IntelReportDisseminatedEvent || payload instanceof IntelReportSubmittedEvent) {
                shown.add(events.get(i));
            }
        }
        long ownConsentAt = -1;
        for (int i = reached; i < events.size(); i++) {
            ItemEvent event = events.get(i);
            Object payload = event.payload();
            boolean show;
            if (payload instanceof IntelReportDisseminatedEvent || payload instanceof IntelReportSubmittedEvent
                    || payload instanceof IntelReportRegradedEvent || payload instanceof IntelReportWithdrawnEvent) {
                show = true;
            } else if (payload instanceof IntelReportReleaseWidenedEvent widened) {
                // the owner's consent to its request and the widening it causes are one decision
                show = widened.addedAgencies().contains(agency) || event.sequence() == ownConsentAt + 1;
            } else if (payload instanceof OnwardDisseminationRequestedEvent requested) {
                show = agency.equals(requested.requestingAgency());
            } else if (payload instanceof OnwardDisseminationRefusedEvent refused) {
                show = agency.equals(refused.requestingAgency());
            } else if (payload instanceof OnwardDisseminationConsentedEvent consented) {
                show = agency.equals(consented.requestingAgency());
                if (show) {
                    ownConsentAt = event.sequence();
                }
            } else if (payload instanceof IntelReportFeedbackGivenEvent feedback) {
                show = agency.equals(feedback.agency());
            } else if (payload instanceof IntelReportLinkedToCaseEvent) {
                // the link names the agency's own case: only the linking agency (audit metadata) is shown it
                show = agency.equals(event.agency());
            } else {
                show = false;
            }
            if (show) {
                shown.add(event);
            }
        }
        return shown;
    }

    /**
     * A report's events as a reader is shown them ({@link #shownTo}): the report's history and the partner feed answer
     * from this. Decided on the events from the first on, since what a recipient is shown depends on when the report
     * reached it.
     */
    public static ShownEvents<IntelReportView> shown(EventHistory history) {
        return (reportId, view, from, to, reader) -> shownTo(
                history.events(reportId, (int) Math.min(to, Integer.MAX_VALUE - 1L) + 1),
                reader.agencyFilter(), view.ownerAgency()).stream()
                .filter(event -> event.sequence() >= from)
                .map(event -> history.entry(event, reader)).toList();
    }

    /** Whether the event made the report visible to {@code agency}. */
    private static boolean releasesTo(Object payload, String agency) {
        if (payload instanceof IntelReportDisseminatedEvent disseminated) {
            return disseminated.releasedTo().contains(agency);
        }
        if (payload instanceof IntelReportSubmittedEvent submitted) {
            return submitted.releasedTo().contains(agency);
        }
        if (payload instanceof IntelReportReleaseWidenedEvent widened) {
            return widened.addedAgencies().contains(agency);
        }
        return false;
    }
}

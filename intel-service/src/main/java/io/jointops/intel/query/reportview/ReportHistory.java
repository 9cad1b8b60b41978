package io.jointops.intel.query.reportview;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointops.platform.history.HistoryEntry;
import io.jointops.platform.history.HistoryPage;

import java.util.ArrayList;
import java.util.List;

/**
 * What a receiving agency is shown of a report's history: the report's stream holds drafts, the supervisor's return
 * comments, and every recipient's feedback and onward requests, none of which is a recipient's business. A recipient
 * sees the events from the one that released the report to it on, and of those only the ones that concern it:
 * <ul>
 * <li>the dissemination (the content as it was disseminated; also shown to an agency the release was widened to
 *     later, since the widening itself carries no content) and a report submitted before the workflow existed;</li>
 * <li>re-gradings and the withdrawal;</li>
 * <li>widenings that add it, or that follow from its own onward request;</li>
 * <li>its own feedback, its own onward requests and the owner's decisions on them, its own case links.</li>
 * </ul>
 * Never drafts, revisions, submissions, returns or approvals, other agencies' feedback or onward requests, or
 * widenings to others. The owner agency and auditors see every event. Pure: reads the events as stored.
 */
public final class ReportHistory {

    private ReportHistory() {
    }

    /**
     * Page {@code page} of the events {@code agency} (a receiving agency, not the owner) is shown, counted among
     * those alone.
     *
     * @param events all of the report's stored events, in stream order
     */
    public static HistoryPage pageFor(String reportId, List<HistoryEntry> events, String agency, int page, int size) {
        List<HistoryEntry> shown = shownTo(events, agency);
        long from = Math.min((long) page * size, shown.size());
        long to = Math.min(from + size, shown.size());
        return new HistoryPage(reportId, List.copyOf(shown.subList((int) from, (int) to)), page, size, shown.size());
    }

    /** The events a receiving {@code agency} is shown; none if the report never reached it. */
    public static List<HistoryEntry> shownTo(List<HistoryEntry> events, String agency) {
        int reached = -1;
        for (int i = 0; i < events.size() && reached < 0; i++) {
            if (releasesTo(events.get(i), agency)) {
                reached = i;
            }
        }
        if (reached < 0) {
            return List.of();
        }
        List<HistoryEntry> shown = new ArrayList<>();
        for (int i = 0; i < reached; i++) {
            // the content it received, when the release was widened to it after the dissemination
            String type = events.get(i).type();
            if (type.equals("IntelReportDisseminatedEvent") || type.equals("IntelReportSubmittedEvent")) {
                shown.add(events.get(i));
            }
        }
        long ownConsentAt = -1;
        for (int i = reached; i < events.size(); i++) {
            HistoryEntry event = events.get(i);
            JsonNode payload = event.payload();
            boolean show = switch (event.type()) {
                case "IntelReportDisseminatedEvent", "IntelReportSubmittedEvent", "IntelReportRegradedEvent",
                     "IntelReportWithdrawnEvent" -> true;
                case "IntelReportReleaseWidenedEvent" -> contains(payload.path("addedAgencies"), agency)
                        // the owner's consent to its request and the widening it causes are one decision
                        || event.sequence() == ownConsentAt + 1;
                case "OnwardDisseminationRequestedEvent", "OnwardDisseminationRefusedEvent" ->
                        agency.equals(payload.path("requestingAgency").asText());
                case "OnwardDisseminationConsentedEvent" -> {
                    boolean own = agency.equals(payload.path("requestingAgency").asText());
                    if (own) {
                        ownConsentAt = event.sequence();
                    }
                    yield own;
                }
                case "IntelReportFeedbackGivenEvent" -> agency.equals(payload.path("agency").asText());
                case "IntelReportLinkedToCaseEvent" -> agency.equals(event.agency());
                default -> false;
            };
            if (show) {
                shown.add(event);
            }
        }
        return shown;
    }

    /** Whether the event made the report visible to {@code agency}. */
    private static boolean releasesTo(HistoryEntry event, String agency) {
        return switch (event.type()) {
            case "IntelReportDisseminatedEvent", "IntelReportSubmittedEvent" ->
                    contains(event.payload().path("releasedTo"), agency);
            case "IntelReportReleaseWidenedEvent" -> contains(event.payload().path("addedAgencies"), agency);
            default -> false;
        };
    }

    private static boolean contains(JsonNode agencies, String agency) {
        for (JsonNode candidate : agencies) {
            if (agency.equals(candidate.asText())) {
                return true;
            }
        }
        return false;
    }
}

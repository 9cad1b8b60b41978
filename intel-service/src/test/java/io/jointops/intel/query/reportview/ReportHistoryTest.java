package io.jointops.intel.query.reportview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.history.HistoryEntry;
import io.jointops.platform.history.HistoryPage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a receiving agency is shown of a report's history, as stored events. */
class ReportHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * CN-NNCC drafts, is returned, revises, is approved and disseminates to US-DEA and GB-NCA; both give feedback and
     * ask for onward dissemination; US-DEA's request to MX-FGR is consented (MX-FGR added), GB-NCA's refused; the
     * owner widens to DE-BKA, regrades, and withdraws.
     */
    private static final List<HistoryEntry> EVENTS = events(
            "IntelReportDraftedEvent", "CN-NNCC", "{\"ownerAgency\":\"CN-NNCC\",\"content\":{\"title\":\"draft\",\"releasedTo\":[\"US-DEA\",\"GB-NCA\"]}}",
            "IntelReportSubmittedForReleaseEvent", "CN-NNCC", "{}",
            "IntelReportReturnedEvent", "CN-NNCC", "{\"comments\":\"cite the source\"}",
            "IntelReportDraftRevisedEvent", "CN-NNCC", "{\"content\":{\"title\":\"revised\"}}",
            "IntelReportSubmittedForReleaseEvent", "CN-NNCC", "{}",
            "IntelReportApprovedEvent", "CN-NNCC", "{}",
            "IntelReportDisseminatedEvent", "CN-NNCC", "{\"title\":\"revised\",\"releasedTo\":[\"GB-NCA\",\"US-DEA\"]}",
            "IntelReportFeedbackGivenEvent", "US-DEA", "{\"agency\":\"US-DEA\",\"kind\":\"CONFIRMED\"}",
            "IntelReportFeedbackGivenEvent", "GB-NCA", "{\"agency\":\"GB-NCA\",\"kind\":\"FALSE_POSITIVE\"}",
            "OnwardDisseminationRequestedEvent", "US-DEA", "{\"requestId\":\"q1\",\"requestingAgency\":\"US-DEA\",\"toAgency\":\"MX-FGR\"}",
            "OnwardDisseminationRequestedEvent", "GB-NCA", "{\"requestId\":\"q2\",\"requestingAgency\":\"GB-NCA\",\"toAgency\":\"FR-OFAST\"}",
            "OnwardDisseminationConsentedEvent", "CN-NNCC", "{\"requestId\":\"q1\",\"requestingAgency\":\"US-DEA\",\"toAgency\":\"MX-FGR\"}",
            "IntelReportReleaseWidenedEvent", "CN-NNCC", "{\"addedAgencies\":[\"MX-FGR\"]}",
            "OnwardDisseminationRefusedEvent", "CN-NNCC", "{\"requestId\":\"q2\",\"requestingAgency\":\"GB-NCA\",\"toAgency\":\"FR-OFAST\"}",
            "IntelReportReleaseWidenedEvent", "CN-NNCC", "{\"addedAgencies\":[\"DE-BKA\"]}",
            "IntelReportLinkedToCaseEvent", "US-DEA", "{\"caseId\":\"case-us\"}",
            "IntelReportLinkedToCaseEvent", "GB-NCA", "{\"caseId\":\"case-gb\"}",
            "IntelReportRegradedEvent", "CN-NNCC", "{\"sourceReliability\":\"A\",\"informationCredibility\":1}",
            "IntelReportWithdrawnEvent", "CN-NNCC", "{\"reason\":\"source withdrew\"}");

    @Test
    void aRecipientSeesTheDisseminationOnwardWhatConcernsItAndNothingElse() {
        assertThat(sequences(ReportHistory.shownTo(EVENTS, "US-DEA"))).containsExactly(
                6L,  // disseminated
                7L,  // its own feedback
                9L,  // its own onward request
                11L, // the owner's consent to it
                12L, // and the widening that consent caused
                15L, // its own case link
                17L, // re-grading
                18L); // withdrawal
        assertThat(types(ReportHistory.shownTo(EVENTS, "US-DEA"))).doesNotContain("IntelReportDraftedEvent",
                "IntelReportDraftRevisedEvent", "IntelReportReturnedEvent", "IntelReportSubmittedForReleaseEvent",
                "IntelReportApprovedEvent", "OnwardDisseminationRefusedEvent");
    }

    @Test
    void anotherRecipientSeesItsOwnFeedbackRequestAndRefusalNotTheFirstOnes() {
        assertThat(sequences(ReportHistory.shownTo(EVENTS, "GB-NCA"))).containsExactly(6L, 8L, 10L, 13L, 16L, 17L, 18L);
    }

    @Test
    void anAgencyTheReleaseWasWidenedToSeesTheDisseminatedContentThenItsWideningOn() {
        // MX-FGR got it through US-DEA's request: it sees neither the request nor the consent, nor the feedback before
        assertThat(sequences(ReportHistory.shownTo(EVENTS, "MX-FGR"))).containsExactly(6L, 12L, 17L, 18L);
        assertThat(sequences(ReportHistory.shownTo(EVENTS, "DE-BKA"))).containsExactly(6L, 14L, 17L, 18L);
    }

    @Test
    void anAgencyTheReportNeverReachedIsShownNothingNotEvenWhereADraftNamedIt() {
        List<HistoryEntry> draftOnly = EVENTS.subList(0, 6);
        assertThat(ReportHistory.shownTo(draftOnly, "US-DEA")).isEmpty();
        assertThat(ReportHistory.shownTo(EVENTS, "FR-OFAST")).isEmpty();
    }

    @Test
    void aReportSubmittedBeforeTheWorkflowIsShownFromItsSubmission() {
        List<HistoryEntry> legacy = events(
                "IntelReportSubmittedEvent", "CN-NNCC", "{\"title\":\"old\",\"releasedTo\":[\"US-DEA\"]}",
                "IntelReportReleaseWidenedEvent", "CN-NNCC", "{\"addedAgencies\":[\"GB-NCA\"]}",
                "IntelReportFeedbackGivenEvent", "GB-NCA", "{\"agency\":\"GB-NCA\",\"kind\":\"CONFIRMED\"}");
        assertThat(sequences(ReportHistory.shownTo(legacy, "US-DEA"))).containsExactly(0L);
        assertThat(sequences(ReportHistory.shownTo(legacy, "GB-NCA"))).containsExactly(0L, 1L, 2L);
    }

    @Test
    void pagesCountOnlyWhatIsShown() {
        HistoryPage first = ReportHistory.pageFor("r-1", EVENTS, "US-DEA", 0, 3);
        assertThat(first.totalEvents()).isEqualTo(8);
        assertThat(sequences(first.events())).containsExactly(6L, 7L, 9L);
        assertThat(first.itemId()).isEqualTo("r-1");
        HistoryPage last = ReportHistory.pageFor("r-1", EVENTS, "US-DEA", 2, 3);
        assertThat(sequences(last.events())).containsExactly(17L, 18L);
        assertThat(ReportHistory.pageFor("r-1", EVENTS, "US-DEA", 5, 3).events()).isEmpty();
        assertThat(ReportHistory.pageFor("r-1", EVENTS, "US-DEA", 100_000, 1000).events()).isEmpty();
    }

    private static List<Long> sequences(List<HistoryEntry> events) {
        return events.stream().map(HistoryEntry::sequence).toList();
    }

    private static List<String> types(List<HistoryEntry> events) {
        return events.stream().map(HistoryEntry::type).toList();
    }

    /** Triples of type, the acting agency and the payload as stored, in stream order. */
    private static List<HistoryEntry> events(String... triples) {
        List<HistoryEntry> events = new ArrayList<>();
        for (int i = 0; i < triples.length; i += 3) {
            long sequence = i / 3;
            try {
                events.add(new HistoryEntry(100 + sequence, sequence, triples[i], "1",
                        Instant.parse("2026-03-01T10:00:00Z").plusSeconds(60 * sequence), "someone", "id",
                        triples[i + 1], "c", "c", JSON.readTree(triples[i + 2])));
            } catch (Exception e) {
                throw new IllegalArgumentException(triples[i + 2], e);
            }
        }
        return events;
    }
}

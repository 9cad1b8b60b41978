package io.jointops.intel.query.reportview;

import io.jointops.api.intel.FeedbackKind;
import io.jointops.api.intel.IntelCategory;
import io.jointops.api.intel.IntelReportApprovedEvent;
import io.jointops.api.intel.IntelReportContent;
import io.jointops.api.intel.IntelReportDisseminatedEvent;
import io.jointops.api.intel.IntelReportDraftRevisedEvent;
import io.jointops.api.intel.IntelReportDraftedEvent;
import io.jointops.api.intel.IntelReportFeedbackGivenEvent;
import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import io.jointops.api.intel.IntelReportRegradedEvent;
import io.jointops.api.intel.IntelReportReleaseWidenedEvent;
import io.jointops.api.intel.IntelReportReturnedEvent;
import io.jointops.api.intel.IntelReportSubmittedEvent;
import io.jointops.api.intel.IntelReportSubmittedForReleaseEvent;
import io.jointops.api.intel.IntelReportWithdrawnEvent;
import io.jointops.api.intel.OnwardDisseminationConsentedEvent;
import io.jointops.api.intel.OnwardDisseminationRefusedEvent;
import io.jointops.api.intel.OnwardDisseminationRequestedEvent;
import io.jointops.api.intel.SourceReliability;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.history.ItemEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What an agency is shown of a report's events, decided on the typed events alone: fast, no server. */
class IntelVisibilityTest {

    private static final String R = "r-1";
    private static final IntelReportContent DRAFT = new IntelReportContent("draft", "Broker pattern",
            "the informant's handler", IntelCategory.TRAFFICKING_ROUTE, SourceReliability.B, 2, Tlp.AMBER,
            HandlingCode.H2, null, Set.of("US-DEA", "GB-NCA"), List.of(), List.of(), null);

    /**
     * CN-NNCC drafts, is returned, revises, is approved and disseminates to US-DEA and GB-NCA; both give feedback and
     * ask for onward dissemination; US-DEA's request to MX-FGR is consented (MX-FGR added), GB-NCA's refused; the
     * owner widens to DE-BKA, both recipients link it to a case, the owner regrades and withdraws.
     */
    private static final List<ItemEvent> EVENTS = events(
            "CN-NNCC", new IntelReportDraftedEvent(R, "CN-NNCC", DRAFT),
            "CN-NNCC", new IntelReportSubmittedForReleaseEvent(R),
            "CN-NNCC", new IntelReportReturnedEvent(R, "cite the source"),
            "CN-NNCC", new IntelReportDraftRevisedEvent(R, DRAFT),
            "CN-NNCC", new IntelReportSubmittedForReleaseEvent(R),
            "CN-NNCC", new IntelReportApprovedEvent(R),
            "CN-NNCC", new IntelReportDisseminatedEvent(R, "revised", "CN-NNCC", Set.of("GB-NCA", "US-DEA"), List.of()),
            "US-DEA", new IntelReportFeedbackGivenEvent(R, "US-DEA", FeedbackKind.CONFIRMED, "seized"),
            "GB-NCA", new IntelReportFeedbackGivenEvent(R, "GB-NCA", FeedbackKind.FALSE_POSITIVE, "wrong vessel"),
            "US-DEA", new OnwardDisseminationRequestedEvent(R, "q1", "US-DEA", "MX-FGR", "joint operation"),
            "GB-NCA", new OnwardDisseminationRequestedEvent(R, "q2", "GB-NCA", "FR-OFAST", "Le Havre"),
            "CN-NNCC", new OnwardDisseminationConsentedEvent(R, "q1", "US-DEA", "MX-FGR", null),
            "CN-NNCC", new IntelReportReleaseWidenedEvent(R, Set.of("MX-FGR")),
            "CN-NNCC", new OnwardDisseminationRefusedEvent(R, "q2", "GB-NCA", "FR-OFAST", "source at risk"),
            "CN-NNCC", new IntelReportReleaseWidenedEvent(R, Set.of("DE-BKA")),
            "US-DEA", new IntelReportLinkedToCaseEvent(R, "case-us", "revised", "DISSEMINATED"),
            "GB-NCA", new IntelReportLinkedToCaseEvent(R, "case-gb", "revised", "DISSEMINATED"),
            "CN-NNCC", new IntelReportRegradedEvent(R, SourceReliability.A, 1, "seizure"),
            "CN-NNCC", new IntelReportWithdrawnEvent(R, "source withdrew"));

    @Test
    void aRecipientSeesTheDisseminationOnwardWhatConcernsItAndNothingElse() {
        List<ItemEvent> shown = IntelVisibility.shownTo(EVENTS, "US-DEA", "CN-NNCC");
        assertThat(sequences(shown)).containsExactly(
                6L,  // disseminated
                7L,  // its own feedback
                9L,  // its own onward request
                11L, // the owner's consent to it
                12L, // and the widening that consent caused
                15L, // its own case link
                17L, // re-grading
                18L); // withdrawal
        assertThat(shown).extracting(ItemEvent::payload).noneMatch(payload -> payload instanceof IntelReportDraftedEvent
                || payload instanceof IntelReportDraftRevisedEvent || payload instanceof IntelReportReturnedEvent
                || payload instanceof IntelReportSubmittedForReleaseEvent || payload instanceof IntelReportApprovedEvent
                || payload instanceof OnwardDisseminationRefusedEvent);
    }

    @Test
    void anotherRecipientSeesItsOwnFeedbackRequestAndRefusalNotTheFirstOnes() {
        assertThat(sequences(IntelVisibility.shownTo(EVENTS, "GB-NCA", "CN-NNCC")))
                .containsExactly(6L, 8L, 10L, 13L, 16L, 17L, 18L);
    }

    @Test
    void anAgencyTheReleaseWasWidenedToSeesTheDisseminatedContentThenItsWideningOn() {
        // MX-FGR got it through US-DEA's request: it sees neither the request nor the consent, nor the feedback before
        assertThat(sequences(IntelVisibility.shownTo(EVENTS, "MX-FGR", "CN-NNCC"))).containsExactly(6L, 12L, 17L, 18L);
        assertThat(sequences(IntelVisibility.shownTo(EVENTS, "DE-BKA", "CN-NNCC"))).containsExactly(6L, 14L, 17L, 18L);
    }

    @Test
    void anAgencyTheReportNeverReachedIsShownNothingNotEvenWhereADraftNamedIt() {
        List<ItemEvent> draftOnly = EVENTS.subList(0, 6);
        assertThat(IntelVisibility.shownTo(draftOnly, "US-DEA", "CN-NNCC")).isEmpty();
        assertThat(IntelVisibility.shownTo(EVENTS, "FR-OFAST", "CN-NNCC")).isEmpty();
    }

    @Test
    void theOwnerAndAuditorsSeeEveryEvent() {
        assertThat(IntelVisibility.shownTo(EVENTS, "CN-NNCC", "CN-NNCC")).isEqualTo(EVENTS);
        assertThat(IntelVisibility.shownTo(EVENTS, null, "CN-NNCC")).isEqualTo(EVENTS);
    }

    @Test
    void aReportSubmittedBeforeTheWorkflowIsShownFromItsSubmission() {
        List<ItemEvent> legacy = events(
                "CN-NNCC", new IntelReportSubmittedEvent(R, "old", null, IntelCategory.TRAFFICKING_ROUTE,
                        SourceReliability.B, 2, Tlp.AMBER, HandlingCode.H2, "CN-NNCC", List.of("US-DEA")),
                "CN-NNCC", new IntelReportReleaseWidenedEvent(R, Set.of("GB-NCA")),
                "GB-NCA", new IntelReportFeedbackGivenEvent(R, "GB-NCA", FeedbackKind.CONFIRMED, null));
        assertThat(sequences(IntelVisibility.shownTo(legacy, "US-DEA", "CN-NNCC"))).containsExactly(0L);
        assertThat(sequences(IntelVisibility.shownTo(legacy, "GB-NCA", "CN-NNCC"))).containsExactly(0L, 1L, 2L);
    }

    /** The decision is the payload's type: an event of a type the policy does not know is not shown to recipients. */
    @Test
    void anEventOfAnUnknownTypeIsNotShownToARecipient() {
        record SomethingNew(String reportId, String agency) {
        }
        List<ItemEvent> events = new ArrayList<>(EVENTS.subList(0, 7));
        events.add(event(7, "US-DEA", new SomethingNew(R, "US-DEA")));
        assertThat(sequences(IntelVisibility.shownTo(events, "US-DEA", "CN-NNCC"))).containsExactly(6L);
        assertThat(IntelVisibility.shownTo(events, "CN-NNCC", "CN-NNCC")).hasSize(8);
    }

    private static List<Long> sequences(List<ItemEvent> events) {
        return events.stream().map(ItemEvent::sequence).toList();
    }

    /** Pairs of the acting agency and the event, in stream order. */
    private static List<ItemEvent> events(Object... pairs) {
        List<ItemEvent> events = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            events.add(event(i / 2, (String) pairs[i], pairs[i + 1]));
        }
        return List.copyOf(events);
    }

    private static ItemEvent event(long sequence, String agency, Object payload) {
        return new ItemEvent(100 + sequence, sequence, Instant.parse("2026-03-01T10:00:00Z").plusSeconds(60 * sequence),
                payload, "someone", "id", agency, "c", null, "c");
    }
}

package io.jointops.intel.query.reportview;

import io.jointops.api.intel.EntityType;
import io.jointops.api.intel.FeedbackKind;
import io.jointops.api.intel.IntelCategory;
import io.jointops.api.intel.IntelEntity;
import io.jointops.api.intel.IntelReportApprovedEvent;
import io.jointops.api.intel.IntelReportContent;
import io.jointops.api.intel.IntelReportDisseminatedEvent;
import io.jointops.api.intel.IntelReportDraftRevisedEvent;
import io.jointops.api.intel.IntelReportDraftedEvent;
import io.jointops.api.intel.IntelReportFeedbackGivenEvent;
import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import io.jointops.api.intel.IntelReportReadEvent;
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
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The report view as a pure fold of the report's events: what each event changes, and only that. */
class IntelReportViewFoldTest {

    private static final String ID = "r-1";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");
    private static final List<IntelEntity> ENTITIES = List.of(
            new IntelEntity("e1", EntityType.PHONE_NUMBER, "+86 10 1234 5678", "+861012345678"));

    @Test
    void noEventsIsNoReportAndEventsBeforeTheDraftAreIgnored() {
        assertThat(IntelReportViewFold.fold(List.of())).isEmpty();
        assertThat(IntelReportViewFold.fold(List.of(event(0, new IntelReportSubmittedForReleaseEvent(ID))))).isEmpty();
    }

    @Test
    void aDraftHoldsItsContentItsFirstGradeAndItsAuthorOnlyTheOwnerSeesIt() {
        IntelReportView view = fold(drafted());
        assertThat(view.id()).isEqualTo(ID);
        assertThat(view.title()).isEqualTo("Precursor route");
        assertThat(view.summary()).isEqualTo("Broker pattern");
        assertThat(view.body()).isEqualTo("body");
        assertThat(view.category()).isEqualTo("TRAFFICKING_ROUTE");
        assertThat(view.grading()).isEqualTo("B2");
        assertThat(view.grades()).extracting(IntelReportView.Grade::grading).containsExactly("B2");
        assertThat(view.ownerAgency()).isEqualTo("CN-NNCC");
        assertThat(view.releasedTo()).containsExactly("GB-NCA", "US-DEA");
        assertThat(view.tlp()).isEqualTo("TLP:AMBER");
        assertThat(view.handlingCode()).isEqualTo("H2");
        assertThat(view.status()).isEqualTo("DRAFT");
        assertThat(view.entities()).isEqualTo(ENTITIES);
        assertThat(view.version()).isZero();
        assertThat(view.createdBy()).isEqualTo("cn.investigator");
        // as a TIMESTAMPTZ column keeps it: rounded to the microsecond
        assertThat(view.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123457Z"));
        assertThat(view.updatedAt()).isEqualTo(view.createdAt());
        assertThat(view.disseminatedAt()).isNull();
        assertThat(view.visibleTo("CN-NNCC")).isTrue();
        assertThat(view.visibleTo("US-DEA")).isFalse();
    }

    @Test
    void aRevisionReplacesTheContentAndAddsAGradeOnlyIfTheGradingChanged() {
        IntelReportView sameGrade = fold(drafted(), event(1, new IntelReportDraftRevisedEvent(ID,
                content("New title", SourceReliability.B, 2, Set.of("US-DEA")))));
        assertThat(sameGrade.title()).isEqualTo("New title");
        assertThat(sameGrade.releasedTo()).containsExactly("US-DEA");
        assertThat(sameGrade.grades()).hasSize(1);
        assertThat(sameGrade.version()).isEqualTo(1);
        assertThat(sameGrade.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123457Z"));
        assertThat(sameGrade.updatedAt()).isEqualTo(Instant.parse("2026-03-01T10:01:00.123457Z"));

        IntelReportView regraded = fold(drafted(), event(1, new IntelReportDraftRevisedEvent(ID,
                content("Precursor route", SourceReliability.C, 3, Set.of("US-DEA")))));
        assertThat(regraded.grading()).isEqualTo("C3");
        assertThat(regraded.grades()).extracting(IntelReportView.Grade::grading).containsExactly("B2", "C3");
        assertThat(regraded.grades().get(1).reason()).isEqualTo("revised draft");
    }

    @Test
    void submissionAndReturnChangeTheStatusAndTheReturnKeepsTheComments() {
        IntelReportView submitted = fold(drafted(), event(1, new IntelReportSubmittedForReleaseEvent(ID)));
        assertThat(submitted.status()).isEqualTo("SUBMITTED_FOR_RELEASE");
        assertThat(submitted.returnComments()).isNull();
        assertThat(submitted.visibleTo("US-DEA")).isFalse();

        IntelReportView returned = fold(drafted(), event(1, new IntelReportSubmittedForReleaseEvent(ID)),
                event(2, new IntelReportReturnedEvent(ID, "cite the source")));
        assertThat(returned.status()).isEqualTo("RETURNED");
        assertThat(returned.returnComments()).isEqualTo("cite the source");
        assertThat(returned.visibleTo("US-DEA")).isFalse();
        // the supervisor's comments are the owner's business
        assertThat(returned.shownTo("CN-NNCC").returnComments()).isEqualTo("cite the source");
        assertThat(returned.shownTo(null).returnComments()).isEqualTo("cite the source");
    }

    @Test
    void approvalClearsTheCommentsAndDisseminationMakesItVisibleToTheRecipientsFromThen() {
        IntelReportView approved = fold(drafted(), event(1, new IntelReportSubmittedForReleaseEvent(ID)),
                event(2, new IntelReportReturnedEvent(ID, "cite")), event(3, new IntelReportDraftRevisedEvent(ID,
                        content("Precursor route", SourceReliability.B, 2, Set.of("US-DEA")))),
                event(4, new IntelReportSubmittedForReleaseEvent(ID)), event(5, new IntelReportApprovedEvent(ID)));
        assertThat(approved.status()).isEqualTo("DISSEMINATED");
        assertThat(approved.returnComments()).isNull();
        assertThat(approved.disseminatedAt()).isNull();

        IntelReportView disseminated = fold(disseminated());
        assertThat(disseminated.status()).isEqualTo("DISSEMINATED");
        assertThat(disseminated.disseminatedAt()).isEqualTo(Instant.parse("2026-03-01T10:03:00.123457Z"));
        assertThat(disseminated.version()).isEqualTo(3);
        assertThat(disseminated.visibleTo("US-DEA")).isTrue();
        assertThat(disseminated.visibleTo("MX-FGR")).isFalse();
    }

    @Test
    void regradingAppendsTheGradeWithItsReasonAndAuthor() {
        IntelReportView view = fold(disseminated(event(4, new IntelReportRegradedEvent(ID, SourceReliability.A, 1,
                "seizure confirmed"), "cn.analyst")));
        assertThat(view.sourceReliability()).isEqualTo("A");
        assertThat(view.informationCredibility()).isEqualTo(1);
        assertThat(view.grading()).isEqualTo("A1");
        assertThat(view.grades()).extracting(IntelReportView.Grade::grading).containsExactly("B2", "A1");
        assertThat(view.grades().get(1)).satisfies(grade -> {
            assertThat(grade.reason()).isEqualTo("seizure confirmed");
            assertThat(grade.by()).isEqualTo("cn.analyst");
            assertThat(grade.at()).isEqualTo(Instant.parse("2026-03-01T10:04:00.123457Z"));
        });
        assertThat(view.status()).isEqualTo("DISSEMINATED");
    }

    @Test
    void aRecipientSeesTheGradeTheReportWasDisseminatedWithAndLaterOnesNotTheDraftsGrades() {
        List<DomainEventMessage<?>> events = new ArrayList<>(List.of(drafted(),
                event(1, new IntelReportDraftRevisedEvent(ID, content("Precursor route", SourceReliability.C, 3, Set.of("US-DEA")))),
                event(2, new IntelReportDraftRevisedEvent(ID, content("Precursor route", SourceReliability.B, 3, Set.of("US-DEA")))),
                event(3, new IntelReportSubmittedForReleaseEvent(ID)),
                event(4, new IntelReportApprovedEvent(ID), "cn.supervisor"),
                event(5, new IntelReportDisseminatedEvent(ID, "Precursor route", "CN-NNCC", Set.of("US-DEA"), ENTITIES), "cn.supervisor"),
                event(6, new IntelReportRegradedEvent(ID, SourceReliability.A, 1, "seizure"))));
        IntelReportView view = fold(events);
        assertThat(view.grades()).extracting(IntelReportView.Grade::grading).containsExactly("B2", "C3", "B3", "A1");
        IntelReportView shown = view.shownTo("US-DEA");
        assertThat(shown.grades()).extracting(IntelReportView.Grade::grading).containsExactly("B3", "A1");
        assertThat(shown.grades().get(0).reason()).isEqualTo("as disseminated");
        assertThat(shown.grades().get(0).at()).isEqualTo(view.disseminatedAt());
        assertThat(shown.grades().get(1).reason()).isEqualTo("seizure");
        assertThat(shown.grading()).isEqualTo("A1");
        assertThat(view.shownTo("CN-NNCC").grades()).hasSize(4);
    }

    @Test
    void wideningAddsRecipientsSortedAndTheyMaySeeIt() {
        IntelReportView view = fold(disseminated(event(4, new IntelReportReleaseWidenedEvent(ID, Set.of("MX-FGR", "DE-BKA")))));
        assertThat(view.releasedTo()).containsExactly("DE-BKA", "GB-NCA", "MX-FGR", "US-DEA");
        assertThat(view.visibleTo("MX-FGR")).isTrue();
        assertThat(view.version()).isEqualTo(4);
    }

    @Test
    void onwardRequestsArePendingUntilTheOwnerConsentsOrRefuses() {
        List<DomainEventMessage<?>> requested = disseminated(
                event(4, new OnwardDisseminationRequestedEvent(ID, "q-1", "US-DEA", "MX-FGR", "joint operation"), "us.investigator"),
                event(5, new OnwardDisseminationRequestedEvent(ID, "q-2", "GB-NCA", "FR-OFAST", "port of Le Havre"), "gb.investigator"));
        IntelReportView pending = fold(requested);
        assertThat(pending.onwardRequests()).extracting(IntelReportView.OnwardRequest::status).containsExactly("PENDING", "PENDING");
        assertThat(pending.onwardRequests().get(0).requestedBy()).isEqualTo("us.investigator");
        assertThat(pending.visibleTo("MX-FGR")).isFalse();

        List<DomainEventMessage<?>> decided = new ArrayList<>(requested);
        decided.add(event(6, new OnwardDisseminationConsentedEvent(ID, "q-1", "US-DEA", "MX-FGR", "for the operation")));
        decided.add(event(7, new OnwardDisseminationRefusedEvent(ID, "q-2", "GB-NCA", "FR-OFAST", "source at risk")));
        IntelReportView view = fold(decided);
        assertThat(view.onwardRequests().get(0)).satisfies(request -> {
            assertThat(request.status()).isEqualTo("CONSENTED");
            assertThat(request.comment()).isEqualTo("for the operation");
            assertThat(request.decidedBy()).isEqualTo("cn.investigator");
            assertThat(request.decidedAt()).isEqualTo(Instant.parse("2026-03-01T10:06:00.123457Z"));
        });
        assertThat(view.onwardRequests().get(1).status()).isEqualTo("REFUSED");
        assertThat(view.onwardRequests().get(1).comment()).isEqualTo("source at risk");
        // consent alone does not release: the widening that follows it does
        assertThat(view.releasedTo()).doesNotContain("MX-FGR");

        // a receiving agency sees its own requests only; the owner and auditors all
        assertThat(view.shownTo("US-DEA").onwardRequests()).extracting(IntelReportView.OnwardRequest::requestId).containsExactly("q-1");
        assertThat(view.shownTo("GB-NCA").onwardRequests()).extracting(IntelReportView.OnwardRequest::requestId).containsExactly("q-2");
        assertThat(view.shownTo("CN-NNCC").onwardRequests()).hasSize(2);
        assertThat(view.shownTo(null).onwardRequests()).hasSize(2);
    }

    @Test
    void feedbackIsKeptPerAgencyAndEachRecipientSeesOnlyItsOwn() {
        IntelReportView view = fold(disseminated(
                event(4, new IntelReportFeedbackGivenEvent(ID, "US-DEA", FeedbackKind.CONFIRMED, "seized 200 kg"), "us.investigator"),
                event(5, new IntelReportFeedbackGivenEvent(ID, "GB-NCA", FeedbackKind.OUTDATED, ""), "gb.investigator")));
        assertThat(view.feedback()).extracting(IntelReportView.Feedback::kind).containsExactly("CONFIRMED", "OUTDATED");
        assertThat(view.feedback().get(0).by()).isEqualTo("us.investigator");
        assertThat(view.shownTo("US-DEA").feedback()).extracting(IntelReportView.Feedback::agency).containsExactly("US-DEA");
        assertThat(view.shownTo("CN-NNCC").feedback()).hasSize(2);
    }

    @Test
    void withdrawalKeepsTheReportVisibleWithItsReason() {
        IntelReportView view = fold(disseminated(event(4, new IntelReportWithdrawnEvent(ID, "source withdrew"))));
        assertThat(view.status()).isEqualTo("WITHDRAWN");
        assertThat(view.withdrawalReason()).isEqualTo("source withdrew");
        assertThat(view.visibleTo("US-DEA")).isTrue();
        assertThat(view.shownTo("US-DEA").withdrawalReason()).isEqualTo("source withdrew");
    }

    @Test
    void caseLinksAccumulate() {
        IntelReportView view = fold(disseminated(
                event(4, new IntelReportLinkedToCaseEvent(ID, "case-1", "Precursor route", "DISSEMINATED")),
                event(5, new IntelReportLinkedToCaseEvent(ID, "case-2", "Precursor route", "DISSEMINATED"))));
        assertThat(view.linkedCases()).containsExactly("case-1", "case-2");
        assertThat(view.version()).isEqualTo(5);
    }

    @Test
    void aReportSubmittedBeforeTheWorkflowIsDisseminatedAtOnce() {
        IntelReportView view = fold(event(0, new IntelReportSubmittedEvent(ID, "Old report", "s",
                IntelCategory.ORGANISED_CRIME_GROUP, SourceReliability.C, 3, Tlp.GREEN, HandlingCode.H1, "CN-NNCC",
                List.of("US-DEA", "DE-BKA"))));
        assertThat(view.status()).isEqualTo("DISSEMINATED");
        assertThat(view.releasedTo()).containsExactly("DE-BKA", "US-DEA");
        assertThat(view.disseminatedAt()).isEqualTo(view.createdAt());
        assertThat(view.grading()).isEqualTo("C3");
        assertThat(view.tlp()).isEqualTo("TLP:GREEN");
        assertThat(view.readsLogged()).isFalse();
        assertThat(view.visibleTo("US-DEA")).isTrue();
    }

    @Test
    void onlyReportEventsChangeTheView() {
        IntelReportReadEvent read = new IntelReportReadEvent(ID, "us.investigator", "US-DEA", "REPORT");
        assertThat(IntelReportViewFold.handles(read)).isFalse();
        assertThat(IntelReportViewFold.handles(new IntelReportWithdrawnEvent(ID, "x"))).isTrue();
        IntelReportView view = fold(disseminated());
        assertThat(IntelReportViewFold.apply(view, event(4, read))).isSameAs(view);
        assertThat(view.readsLogged()).isTrue();
    }

    // --- helpers ---

    private static IntelReportView fold(DomainEventMessage<?>... events) {
        return fold(List.of(events));
    }

    private static IntelReportView fold(List<DomainEventMessage<?>> events) {
        return IntelReportViewFold.fold(events).orElseThrow();
    }

    private static IntelReportContent content(String title, SourceReliability reliability, int credibility,
                                              Set<String> releasedTo) {
        return new IntelReportContent(title, "Broker pattern", "body", IntelCategory.TRAFFICKING_ROUTE, reliability,
                credibility, Tlp.AMBER, HandlingCode.H2, "", releasedTo, ENTITIES, List.of(), null);
    }

    private static DomainEventMessage<?> drafted() {
        return event(0, new IntelReportDraftedEvent(ID, "CN-NNCC",
                content("Precursor route", SourceReliability.B, 2, Set.of("US-DEA", "GB-NCA"))));
    }

    /** Drafted, submitted, approved and disseminated (sequences 0-3), then {@code more}. */
    private static List<DomainEventMessage<?>> disseminated(DomainEventMessage<?>... more) {
        List<DomainEventMessage<?>> events = new ArrayList<>(List.of(drafted(),
                event(1, new IntelReportSubmittedForReleaseEvent(ID)),
                event(2, new IntelReportApprovedEvent(ID), "cn.supervisor"),
                event(3, new IntelReportDisseminatedEvent(ID, "Precursor route", "CN-NNCC", Set.of("GB-NCA", "US-DEA"),
                        ENTITIES), "cn.supervisor")));
        events.addAll(List.of(more));
        return events;
    }

    /** An event {@code sequence} minutes after the first, by cn.investigator. */
    static DomainEventMessage<?> event(long sequence, Object payload) {
        return event(sequence, payload, "cn.investigator");
    }

    static DomainEventMessage<?> event(long sequence, Object payload, String actor) {
        return new GenericDomainEventMessage<>("IntelReport", ID, sequence, payload, MetaData.with("actor", actor),
                "e-" + sequence, T0.plusSeconds(60 * sequence));
    }
}

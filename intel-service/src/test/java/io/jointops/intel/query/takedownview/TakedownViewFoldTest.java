package io.jointops.intel.query.takedownview;

import io.jointops.api.intel.TakedownAcknowledgedEvent;
import io.jointops.api.intel.TakedownContentReappearedEvent;
import io.jointops.api.intel.TakedownContentRemovedEvent;
import io.jointops.api.intel.TakedownContentType;
import io.jointops.api.intel.TakedownRejectedEvent;
import io.jointops.api.intel.TakedownRequestedEvent;
import io.jointops.api.intel.IntelReportWithdrawnEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The takedown view as a pure fold of the request's events, with its response times. */
class TakedownViewFoldTest {

    private static final String ID = "t-1";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    /** when the request was recorded; the request itself went out at {@link #REQUESTED} */
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");
    private static final Instant REQUESTED = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void noEventsIsNoTakedownAndResponsesBeforeTheRequestAreIgnored() {
        assertThat(TakedownViewFold.fold(List.of())).isEmpty();
        assertThat(TakedownViewFold.fold(List.of(event(0, new TakedownAcknowledgedEvent(ID, REQUESTED))))).isEmpty();
    }

    @Test
    void aRequestIsOpenInItsFirstRoundSeenByItsAgencyOnly() {
        TakedownView view = fold(requested());
        assertThat(view.id()).isEqualTo(ID);
        assertThat(view.platform()).isEqualTo("DarkMarket");
        assertThat(view.url()).isEqualTo("https://market.example.com/item/42");
        assertThat(view.urls()).containsExactly("https://market.example.com/item/42");
        assertThat(view.contentType()).isEqualTo("LISTING");
        assertThat(view.offence()).isEqualTo("sale of fentanyl precursors");
        assertThat(view.evidenceSha256()).isEqualTo(SHA);
        assertThat(view.evidenceCapturedAt()).isEqualTo(Instant.parse("2026-03-01T08:30:00.000001Z"));
        assertThat(view.legalBasis()).isEqualTo("Art. 14 DSA");
        assertThat(view.status()).isEqualTo("REQUESTED");
        assertThat(view.round()).isEqualTo(1);
        assertThat(view.requestedAt()).isEqualTo(REQUESTED);
        assertThat(view.openedAt()).isEqualTo(REQUESTED);
        assertThat(view.acknowledgedAt()).isNull();
        assertThat(view.secondsToAcknowledge()).isNull();
        assertThat(view.secondsToRemoval()).isNull();
        assertThat(view.version()).isZero();
        assertThat(view.requestedBy()).isEqualTo("us.investigator");
        assertThat(view.updatedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123457Z"));
        assertThat(view.visibleTo("US-DEA")).isTrue();
        assertThat(view.visibleTo("CN-NNCC")).isFalse();
    }

    @Test
    void anAcknowledgementIsTimedFromTheRequest() {
        TakedownView view = fold(requested(), event(1, new TakedownAcknowledgedEvent(ID, REQUESTED.plusSeconds(5400))));
        assertThat(view.status()).isEqualTo("ACKNOWLEDGED");
        assertThat(view.acknowledgedAt()).isEqualTo(REQUESTED.plusSeconds(5400));
        assertThat(view.secondsToAcknowledge()).isEqualTo(5400);
        assertThat(view.secondsToRemoval()).isNull();
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.updatedAt()).isEqualTo(Instant.parse("2026-03-01T10:01:00.123457Z"));
    }

    @Test
    void aRemovalIsTimedFromTheRequestAndKeepsTheAcknowledgement() {
        TakedownView view = fold(requested(), event(1, new TakedownAcknowledgedEvent(ID, REQUESTED.plusSeconds(600))),
                event(2, new TakedownContentRemovedEvent(ID, REQUESTED.plusSeconds(7200))));
        assertThat(view.status()).isEqualTo("REMOVED");
        assertThat(view.removedAt()).isEqualTo(REQUESTED.plusSeconds(7200));
        assertThat(view.secondsToAcknowledge()).isEqualTo(600);
        assertThat(view.secondsToRemoval()).isEqualTo(7200);
        assertThat(view.rejectionReason()).isNull();
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void aRejectionKeepsItsReasonAndIsNoRemoval() {
        TakedownView view = fold(requested(), event(1, new TakedownRejectedEvent(ID, "not illegal here", REQUESTED.plusSeconds(60))));
        assertThat(view.status()).isEqualTo("REJECTED");
        assertThat(view.rejectionReason()).isEqualTo("not illegal here");
        assertThat(view.rejectedAt()).isEqualTo(REQUESTED.plusSeconds(60));
        assertThat(view.removedAt()).isNull();
        assertThat(view.secondsToRemoval()).isNull();
    }

    @Test
    void reappearanceOpensANewRoundAtTheNewUrlTimedFromWhenItWasSeen() {
        List<DomainEventMessage<?>> events = new ArrayList<>(List.of(requested(),
                event(1, new TakedownAcknowledgedEvent(ID, REQUESTED.plusSeconds(600))),
                event(2, new TakedownContentRemovedEvent(ID, REQUESTED.plusSeconds(3600))),
                event(3, new TakedownContentReappearedEvent(ID, "https://mirror.example.net/item/42", REQUESTED.plusSeconds(86_400)))));
        TakedownView reopened = fold(events);
        assertThat(reopened.status()).isEqualTo("REQUESTED");
        assertThat(reopened.round()).isEqualTo(2);
        assertThat(reopened.url()).isEqualTo("https://mirror.example.net/item/42");
        assertThat(reopened.urls()).containsExactly("https://market.example.com/item/42", "https://mirror.example.net/item/42");
        assertThat(reopened.openedAt()).isEqualTo(REQUESTED.plusSeconds(86_400));
        assertThat(reopened.requestedAt()).isEqualTo(REQUESTED);
        // the new round's acknowledgement and removal are still to come; the last removal's time stays until then
        assertThat(reopened.acknowledgedAt()).isNull();
        assertThat(reopened.removedAt()).isNull();
        assertThat(reopened.secondsToAcknowledge()).isNull();
        assertThat(reopened.secondsToRemoval()).isEqualTo(3600);

        events.add(event(4, new TakedownContentRemovedEvent(ID, REQUESTED.plusSeconds(86_400 + 1800))));
        TakedownView removedAgain = fold(events);
        assertThat(removedAgain.status()).isEqualTo("REMOVED");
        assertThat(removedAgain.secondsToRemoval()).isEqualTo(1800);
        assertThat(removedAgain.round()).isEqualTo(2);
        assertThat(removedAgain.version()).isEqualTo(4);
    }

    @Test
    void reappearanceAtTheSameUrlListsItAgain() {
        TakedownView view = fold(requested(), event(1, new TakedownContentRemovedEvent(ID, REQUESTED.plusSeconds(60))),
                event(2, new TakedownContentReappearedEvent(ID, "https://market.example.com/item/42", REQUESTED.plusSeconds(120))));
        assertThat(view.urls()).containsExactly("https://market.example.com/item/42", "https://market.example.com/item/42");
        assertThat(view.round()).isEqualTo(2);
    }

    @Test
    void onlyTakedownEventsChangeTheView() {
        assertThat(TakedownViewFold.handles(new IntelReportWithdrawnEvent("r-1", "x"))).isFalse();
        assertThat(TakedownViewFold.handles(new TakedownRejectedEvent(ID, "x", REQUESTED))).isTrue();
        TakedownView view = fold(requested());
        assertThat(TakedownViewFold.apply(view, event(1, new IntelReportWithdrawnEvent("r-1", "x")))).isSameAs(view);
    }

    private static TakedownView fold(DomainEventMessage<?>... events) {
        return fold(List.of(events));
    }

    private static TakedownView fold(List<DomainEventMessage<?>> events) {
        return TakedownViewFold.fold(events).orElseThrow();
    }

    private static DomainEventMessage<?> requested() {
        return event(0, new TakedownRequestedEvent(ID, "DarkMarket", "https://market.example.com/item/42",
                TakedownContentType.LISTING, "sale of fentanyl precursors", SHA,
                Instant.parse("2026-03-01T08:30:00.000000600Z"), "Art. 14 DSA", "US-DEA", REQUESTED));
    }

    private static DomainEventMessage<?> event(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("TakedownRequest", ID, sequence, payload,
                MetaData.with("actor", "us.investigator"), "e-" + sequence, T0.plusSeconds(60 * sequence));
    }
}

package io.jointops.chemicals.saga;

import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.PreExportNotificationAcknowledgedEvent;
import io.jointops.api.chemicals.PreExportNotificationClearedEvent;
import io.jointops.api.chemicals.PreExportNotificationFiledEvent;
import io.jointops.api.chemicals.PreExportNotificationObjectedEvent;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.RecordPreExportNotificationNoReplyCommand;
import io.jointops.api.chemicals.ShipmentRegisteredEvent;
import io.jointops.api.chemicals.StopShipmentCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

class PenResponseProcessTest {

    private static final String PEN = "pen-1";
    private static final Party PARTY = new Party("Pacific Reagents LLC", new Address("400 Harbor Blvd", "Long Beach", null, "US"));

    private SagaTestFixture<PenResponseProcess> fixture;
    private Instant due;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PenResponseProcess.class);
        due = fixture.currentTime().plus(Duration.ofDays(15));
    }

    private PreExportNotificationFiledEvent filed(Instant responseDueBy) {
        return new PreExportNotificationFiledEvent(PEN, "CN-CUSTOMS", "US-DEA", PARTY, PARTY, PARTY, "4-AP", "23056-29-3",
                new BigDecimal("500"), QuantityUnit.KG, LocalDate.of(2026, 12, 20), "Long Beach", null, Tlp.AMBER,
                HandlingCode.H1, null, null, List.of(), responseDueBy);
    }

    private static ShipmentRegisteredEvent shipment(String id) {
        return new ShipmentRegisteredEvent(id, "500 KG 4-AP to Pacific Reagents LLC", "CN-CUSTOMS", PEN,
                Set.of("CN-CUSTOMS", "US-DEA"), PARTY, PARTY, PARTY, "4-AP", "23056-29-3", new BigDecimal("500"),
                QuantityUnit.KG, new BigDecimal("500"), "4-AP", List.of(), null, Tlp.AMBER, HandlingCode.H1);
    }

    @Test
    void filingSchedulesTheResponseDeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(filed(due))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(due, PenResponseProcess.RESPONSE_WINDOW)
                .expectNoDispatchedCommands();
    }

    @Test
    void noReplyWithinTheWindowMarksTheNotificationNoReply() {
        fixture.givenAPublished(filed(due))
                .andThenAPublished(new PreExportNotificationAcknowledgedEvent(PEN, "US-DEA"))
                .whenTimeElapses(Duration.ofDays(15).plusSeconds(1))
                .expectDeadlinesMet(PEN)
                .expectDispatchedCommands(new RecordPreExportNotificationNoReplyCommand(PEN));
    }

    @Test
    void aClearanceCancelsTheDeadlineAndEndsTheProcess() {
        fixture.givenAPublished(filed(due))
                .whenPublishingA(new PreExportNotificationClearedEvent(PEN, "US-DEA"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
        fixture.givenAPublished(filed(due))
                .andThenAPublished(new PreExportNotificationClearedEvent(PEN, "US-DEA"))
                .whenTimeElapses(Duration.ofDays(16))
                .expectNoDispatchedCommands();
    }

    @Test
    void anObjectionStopsTheShipmentsRegisteredUnderTheNotificationAndCancelsTheDeadline() {
        String reason = "The importing authority US-DEA objected to pre-export notification pen-1: no registration";
        fixture.givenAPublished(filed(due))
                .andThenAPublished(shipment("s-1"))
                .whenPublishingA(new PreExportNotificationObjectedEvent(PEN, "US-DEA", "no registration"))
                .expectNoScheduledDeadlines()
                .expectDispatchedCommands(new StopShipmentCommand("s-1", PEN, reason));
    }

    @Test
    void aShipmentRegisteredAfterTheObjectionIsStoppedAtOnce() {
        fixture.givenAPublished(filed(due))
                .andThenAPublished(new PreExportNotificationObjectedEvent(PEN, "US-DEA", "no registration"))
                .whenPublishingA(shipment("s-2"))
                .expectDispatchedCommands(new StopShipmentCommand("s-2", PEN,
                        "The importing authority US-DEA objected to pre-export notification pen-1: no registration"));
    }

    @Test
    void aNotificationFiledBeforeResponseWindowsHasNoDeadline() {
        fixture.givenNoPriorActivity().whenPublishingA(filed(null)).expectNoScheduledDeadlines();
    }

    @Test
    void anObjectionInTimeIsNoReplyWhenTheWindowWouldHavePassed() {
        fixture.givenAPublished(filed(due))
                .andThenAPublished(new PreExportNotificationAcknowledgedEvent(PEN, "US-DEA"))
                .andThenAPublished(new PreExportNotificationObjectedEvent(PEN, "US-DEA", "no registration"))
                .whenTimeElapses(Duration.ofDays(16))
                .expectNoScheduledDeadlines()
                .expectDeadlinesMet()
                .expectNoDispatchedCommands();
    }

    @Test
    void anAcknowledgementAloneKeepsTheWindowRunning() {
        fixture.givenAPublished(filed(due))
                .whenPublishingA(new PreExportNotificationAcknowledgedEvent(PEN, "US-DEA"))
                .expectScheduledDeadlineWithName(due, PenResponseProcess.RESPONSE_WINDOW)
                .expectNoDispatchedCommands();
    }

    @Test
    void beforeTheWindowPassesNothingIsEscalated() {
        fixture.givenAPublished(filed(due))
                .whenTimeElapses(Duration.ofDays(15).minusSeconds(1))
                .expectDeadlinesMet()
                .expectNoDispatchedCommands();
    }

    @Test
    void anObjectionStopsEveryShipmentUnderTheNotificationAndThoseRegisteredLater() {
        String reason = "The importing authority US-DEA objected to pre-export notification pen-1: no registration";
        fixture.givenAPublished(filed(due))
                .andThenAPublished(shipment("s-1"))
                .andThenAPublished(shipment("s-2"))
                .whenPublishingA(new PreExportNotificationObjectedEvent(PEN, "US-DEA", "no registration"))
                .expectDispatchedCommands(new StopShipmentCommand("s-1", PEN, reason), new StopShipmentCommand("s-2", PEN, reason));
        fixture.givenAPublished(filed(due))
                .andThenAPublished(shipment("s-1"))
                .andThenAPublished(new PreExportNotificationObjectedEvent(PEN, "US-DEA", "no registration"))
                .andThenAPublished(shipment("s-2"))
                .whenPublishingA(shipment("s-3"))
                .expectDispatchedCommands(new StopShipmentCommand("s-3", PEN, reason));
    }

    @Test
    void aShipmentUnderANotificationNotObjectedToIsNotStopped() {
        fixture.givenAPublished(filed(due))
                .andThenAPublished(new PreExportNotificationAcknowledgedEvent(PEN, "US-DEA"))
                .whenPublishingA(shipment("s-1"))
                .expectNoDispatchedCommands();
    }
}

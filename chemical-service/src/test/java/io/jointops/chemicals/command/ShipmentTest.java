package io.jointops.chemicals.command;

import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.FlagShipmentCommand;
import io.jointops.api.chemicals.LinkShipmentToCaseCommand;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.RecordShipmentEventCommand;
import io.jointops.api.chemicals.RegisterShipmentCommand;
import io.jointops.api.chemicals.RequestShipmentActionCommand;
import io.jointops.api.chemicals.ShipmentArrivedEvent;
import io.jointops.api.chemicals.ShipmentControlledDeliveryRequestedEvent;
import io.jointops.api.chemicals.ShipmentDepartedEvent;
import io.jointops.api.chemicals.ShipmentEventType;
import io.jointops.api.chemicals.ShipmentFlaggedEvent;
import io.jointops.api.chemicals.ShipmentLinkedToCaseEvent;
import io.jointops.api.chemicals.ShipmentReachedWaypointEvent;
import io.jointops.api.chemicals.ShipmentRegisteredEvent;
import io.jointops.api.chemicals.ShipmentReleasedEvent;
import io.jointops.api.chemicals.ShipmentRequestType;
import io.jointops.api.chemicals.ShipmentSeizedEvent;
import io.jointops.api.chemicals.ShipmentStatus;
import io.jointops.api.chemicals.ShipmentStopRequestedEvent;
import io.jointops.api.chemicals.ShipmentStoppedEvent;
import io.jointops.api.chemicals.ShipmentTransshippedEvent;
import io.jointops.api.chemicals.StopShipmentCommand;
import io.jointops.api.chemicals.TransportMode;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static io.jointops.platform.test.Rejections.rejected;

/** A shipment of 500 kg 4-AP from Wuhan to Long Beach, registered by CN-CUSTOMS under a notification to US-DEA. */
class ShipmentTest {

    private static final String ID = "shp-1";
    private static final String PEN = "pen-4ap";
    private static final Instant AT = Instant.parse("2026-12-21T08:00:00Z");
    private static final Party EXPORTER = new Party("Hubei Fine Chemicals", new Address("1 Gaoxin Road", "Wuhan", null, "CN"));
    private static final Party IMPORTER = new Party("Pacific Reagents LLC", new Address("400 Harbor Blvd", "Long Beach", "90802", "US"));
    private static final String TITLE = "500 KG 4-AP to Pacific Reagents LLC";

    private AggregateTestFixture<Shipment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Shipment.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
        fixture.registerInjectableResource(ControlledPrecursorsTest.shipped());
    }

    static RegisterShipmentCommand register() {
        return new RegisterShipmentCommand(ID, "CN-CUSTOMS", PEN, Set.of("US-DEA"), EXPORTER, IMPORTER, IMPORTER,
                "4-AP", "23056-29-3", new BigDecimal("500"), QuantityUnit.KG, new BigDecimal("500"),
                "4-Anilinopiperidine (4-AP)", List.of("KR"), TransportMode.SEA, Tlp.AMBER, HandlingCode.H1);
    }

    static ShipmentRegisteredEvent registered() {
        return new ShipmentRegisteredEvent(ID, TITLE, "CN-CUSTOMS", PEN, Set.of("CN-CUSTOMS", "US-DEA"), EXPORTER,
                IMPORTER, IMPORTER, "4-AP", "23056-29-3", new BigDecimal("500"), QuantityUnit.KG, new BigDecimal("500"),
                "4-Anilinopiperidine (4-AP)", List.of("KR"), TransportMode.SEA, Tlp.AMBER, HandlingCode.H1);
    }

    private static RegisterShipmentCommand register(UnaryOperator<Object[]> change) {
        RegisterShipmentCommand c = register();
        Object[] f = {c.shipmentId(), c.registeringAgency(), c.notificationId(), c.agencies(), c.exporter(), c.importer(),
                c.consignee(), c.substanceName(), c.casNumber(), c.quantity(), c.unit(), c.licensedQuantity(),
                c.declaredGoods(), c.declaredRoute(), c.transportMode(), c.tlp(), c.handlingCode()};
        f = change.apply(f);
        @SuppressWarnings("unchecked")
        RegisterShipmentCommand changed = new RegisterShipmentCommand((String) f[0], (String) f[1], (String) f[2],
                (Set<String>) f[3], (Party) f[4], (Party) f[5], (Party) f[6], (String) f[7], (String) f[8],
                (BigDecimal) f[9], (QuantityUnit) f[10], (BigDecimal) f[11], (String) f[12], (List<String>) f[13],
                (TransportMode) f[14], (Tlp) f[15], (HandlingCode) f[16]);
        return changed;
    }

    private static UnaryOperator<Object[]> set(int index, Object value) {
        return f -> {
            f[index] = value;
            return f;
        };
    }

    private static RecordShipmentEventCommand record(ShipmentEventType type, String place, String country, String agency) {
        return new RecordShipmentEventCommand(ID, type, place, country, AT, null, agency);
    }

    private static ShipmentDepartedEvent departed() {
        return new ShipmentDepartedEvent(ID, "Wuhan", "CN", AT, null, "CN-CUSTOMS", ShipmentStatus.DEPARTED);
    }

    // registration

    @Test
    void registersTheShipmentVisibleToTheRegisteringAgencyAndThoseItIsReleasedTo() {
        fixture.givenNoPriorActivity().when(register()).expectEvents(registered());
    }

    @Test
    void namesTheShipmentByQuantitySubstanceAndImporterWithoutTrailingZerosAndTakesTheCasNumberFromTheRegistry() {
        fixture.givenNoPriorActivity()
                .when(register(f -> {
                    f[8] = " ";
                    f[9] = new BigDecimal("500.000");
                    f[7] = " 4-AP ";
                    return f;
                }))
                .expectEvents(new ShipmentRegisteredEvent(ID, TITLE, "CN-CUSTOMS", PEN, Set.of("CN-CUSTOMS", "US-DEA"),
                        EXPORTER, IMPORTER, IMPORTER, "4-AP", "23056-29-3", new BigDecimal("500.000"), QuantityUnit.KG,
                        new BigDecimal("500"), "4-Anilinopiperidine (4-AP)", List.of("KR"), TransportMode.SEA,
                        Tlp.AMBER, HandlingCode.H1));
    }

    @Test
    void refusesBadInputNamingTheField() {
        Party noCity = new Party("X", new Address("1 Road", " ", null, "US"));
        expectInvalid(set(1, "cn-customs"), "registeringAgency");
        expectInvalid(set(3, Set.of("nobody")), "agencies");
        expectInvalid(set(2, "n".repeat(65)), "notificationId");
        expectInvalid(set(4, null), "exporter");
        expectInvalid(set(5, noCity), "importer.address.city");
        expectInvalid(set(6, new Party("X", new Address("1 Road", "Town", null, "usa"))), "consignee.address.country");
        expectInvalid(f -> {
            f[7] = "Ethanol";
            f[8] = null;
            return f;
        }, "substanceName");
        expectInvalid(set(7, " "), "substanceName");
        expectInvalid(set(8, "23056-29-4"), "casNumber");
        expectInvalid(set(9, BigDecimal.ZERO), "quantity");
        expectInvalid(set(10, null), "unit");
        expectInvalid(set(11, new BigDecimal("-1")), "licensedQuantity");
        expectInvalid(set(12, " "), "declaredGoods");
        expectInvalid(set(13, List.of("Korea")), "declaredRoute");
        expectInvalid(set(15, null), "tlp");
        expectInvalid(set(16, null), "handlingCode");
    }

    private void expectInvalid(UnaryOperator<Object[]> change, String field) {
        fixture.givenNoPriorActivity().when(register(change))
                .expectException(rejected(Reason.INVALID, field))
                .expectNoEvents();
    }

    // movements

    @Test
    void recordsEveryMovementWithTheStatusAfterIt() {
        fixture.given(registered()).when(new RecordShipmentEventCommand(ID, ShipmentEventType.DEPARTED, " Wuhan ", "CN",
                        AT, " loaded on MV Ever Given ", "CN-CUSTOMS"))
                .expectEvents(new ShipmentDepartedEvent(ID, "Wuhan", "CN", AT, "loaded on MV Ever Given", "CN-CUSTOMS",
                        ShipmentStatus.DEPARTED));
        fixture.given(registered(), departed()).when(record(ShipmentEventType.AT_WAYPOINT, "Busan", "KR", "US-DEA"))
                .expectEvents(new ShipmentReachedWaypointEvent(ID, "Busan", "KR", AT, null, "US-DEA", ShipmentStatus.IN_TRANSIT));
        fixture.given(registered(), departed()).when(record(ShipmentEventType.TRANSSHIPPED, "Busan", "KR", "US-DEA"))
                .expectEvents(new ShipmentTransshippedEvent(ID, "Busan", "KR", AT, null, "US-DEA", ShipmentStatus.IN_TRANSIT));
        fixture.given(registered(), departed(),
                        new ShipmentReachedWaypointEvent(ID, "Busan", "KR", AT, null, "US-DEA", ShipmentStatus.IN_TRANSIT))
                .when(record(ShipmentEventType.ARRIVED, "Long Beach", "US", "US-DEA"))
                .expectEvents(new ShipmentArrivedEvent(ID, "Long Beach", "US", AT, null, "US-DEA", ShipmentStatus.ARRIVED));
        fixture.given(registered(), departed()).when(record(ShipmentEventType.SEIZED, "Busan", "KR", "US-DEA"))
                .expectEvents(new ShipmentSeizedEvent(ID, "Busan", "KR", AT, null, "US-DEA", ShipmentStatus.SEIZED));
        fixture.given(registered(), departed(),
                        new ShipmentSeizedEvent(ID, "Busan", "KR", AT, null, "US-DEA", ShipmentStatus.SEIZED))
                .when(record(ShipmentEventType.RELEASED, "Busan", "KR", "US-DEA"))
                .expectEvents(new ShipmentReleasedEvent(ID, "Busan", "KR", AT, null, "US-DEA", ShipmentStatus.RELEASED));
    }

    @Test
    void aReleasedShipmentMovesOnAndAStoppedOneMayBeReleased() {
        fixture.given(registered(), departed(),
                        new ShipmentSeizedEvent(ID, "Busan", "KR", AT, null, "US-DEA", ShipmentStatus.SEIZED),
                        new ShipmentReleasedEvent(ID, "Busan", "KR", AT, null, "US-DEA", ShipmentStatus.RELEASED))
                .when(record(ShipmentEventType.ARRIVED, "Long Beach", "US", "US-DEA"))
                .expectEvents(new ShipmentArrivedEvent(ID, "Long Beach", "US", AT, null, "US-DEA", ShipmentStatus.ARRIVED));
        fixture.given(registered(), new ShipmentStoppedEvent(ID, PEN, "objected", ShipmentStatus.STOPPED))
                .when(record(ShipmentEventType.RELEASED, "Wuhan", "CN", "CN-CUSTOMS"))
                .expectEvents(new ShipmentReleasedEvent(ID, "Wuhan", "CN", AT, null, "CN-CUSTOMS", ShipmentStatus.RELEASED));
    }

    @Test
    void refusesAMovementOutOfOrderAsAConflict() {
        fixture.given(registered()).when(record(ShipmentEventType.ARRIVED, "Long Beach", "US", "US-DEA"))
                .expectException(rejected(Reason.CONFLICT, "type", "REGISTERED", "ARRIVED")).expectNoEvents();
        fixture.given(registered(), departed()).when(record(ShipmentEventType.DEPARTED, "Wuhan", "CN", "CN-CUSTOMS"))
                .expectException(rejected(Reason.CONFLICT, "type", "DEPARTED")).expectNoEvents();
        fixture.given(registered(), departed()).when(record(ShipmentEventType.RELEASED, "Busan", "KR", "US-DEA"))
                .expectException(rejected(Reason.CONFLICT, "type", "RELEASED")).expectNoEvents();
        fixture.given(registered(), departed(),
                        new ShipmentSeizedEvent(ID, "Busan", "KR", AT, null, "US-DEA", ShipmentStatus.SEIZED))
                .when(record(ShipmentEventType.SEIZED, "Busan", "KR", "US-DEA"))
                .expectException(rejected(Reason.CONFLICT, "type", "SEIZED")).expectNoEvents();
        fixture.given(registered(), new ShipmentStoppedEvent(ID, PEN, "objected", ShipmentStatus.STOPPED))
                .when(record(ShipmentEventType.DEPARTED, "Wuhan", "CN", "CN-CUSTOMS"))
                .expectException(rejected(Reason.CONFLICT, "type", "STOPPED")).expectNoEvents();
    }

    @Test
    void refusesABadMovementNamingTheField() {
        fixture.given(registered()).when(new RecordShipmentEventCommand(ID, null, "Wuhan", "CN", AT, null, "CN-CUSTOMS"))
                .expectException(rejected(Reason.INVALID, "type")).expectNoEvents();
        fixture.given(registered()).when(record(ShipmentEventType.DEPARTED, " ", "CN", "CN-CUSTOMS"))
                .expectException(rejected(Reason.INVALID, "place")).expectNoEvents();
        fixture.given(registered()).when(record(ShipmentEventType.DEPARTED, "Wuhan", "China", "CN-CUSTOMS"))
                .expectException(rejected(Reason.INVALID, "country")).expectNoEvents();
        fixture.given(registered()).when(new RecordShipmentEventCommand(ID, ShipmentEventType.DEPARTED, "Wuhan", "CN",
                        null, null, "CN-CUSTOMS"))
                .expectException(rejected(Reason.INVALID, "occurredAt")).expectNoEvents();
        fixture.given(registered()).when(new RecordShipmentEventCommand(ID, ShipmentEventType.DEPARTED, "Wuhan", "CN",
                        AT, "n".repeat(2001), "CN-CUSTOMS"))
                .expectException(rejected(Reason.INVALID, "note")).expectNoEvents();
    }

    // visibility: every command of an agency the shipment is not released to answers as if it did not exist

    @Test
    void anAgencyTheShipmentIsNotReleasedToFindsNothing() {
        fixture.given(registered()).when(record(ShipmentEventType.DEPARTED, "Wuhan", "CN", "MX-FGR"))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
        fixture.given(registered()).when(new FlagShipmentCommand(ID, "MX-FGR", List.of("suspicious")))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
        fixture.given(registered())
                .when(new RequestShipmentActionCommand(ID, ShipmentRequestType.STOP, "MX-FGR", "stop it"))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
    }

    // flags and requests

    @Test
    void flagsTheShipmentWithItsReasons() {
        fixture.given(registered())
                .when(new FlagShipmentCommand(ID, "US-DEA", List.of(" Consignee unknown at the address ", "Paid in cash")))
                .expectEvents(new ShipmentFlaggedEvent(ID, "US-DEA", List.of("Consignee unknown at the address", "Paid in cash")));
    }

    @Test
    void refusesAFlagWithoutReasonsOrWithTooMany() {
        fixture.given(registered()).when(new FlagShipmentCommand(ID, "US-DEA", List.of()))
                .expectException(rejected(Reason.INVALID, "reasons", "1 to 20")).expectNoEvents();
        fixture.given(registered()).when(new FlagShipmentCommand(ID, "US-DEA", null))
                .expectException(rejected(Reason.INVALID, "reasons")).expectNoEvents();
        fixture.given(registered()).when(new FlagShipmentCommand(ID, "US-DEA", List.of(" ")))
                .expectException(rejected(Reason.INVALID, "reasons")).expectNoEvents();
        fixture.given(registered()).when(new FlagShipmentCommand(ID, "US-DEA", List.of("r".repeat(501))))
                .expectException(rejected(Reason.INVALID, "reasons")).expectNoEvents();
        fixture.given(registered()).when(new FlagShipmentCommand(ID, "US-DEA", Collections.nCopies(21, "again")))
                .expectException(rejected(Reason.INVALID, "reasons", "1 to 20")).expectNoEvents();
    }

    @Test
    void requestsAControlledDeliveryOrAStop() {
        fixture.given(registered(), departed())
                .when(new RequestShipmentActionCommand(ID, ShipmentRequestType.CONTROLLED_DELIVERY, "US-DEA", " identify the buyers "))
                .expectEvents(new ShipmentControlledDeliveryRequestedEvent(ID, "US-DEA", "identify the buyers"));
        fixture.given(registered())
                .when(new RequestShipmentActionCommand(ID, ShipmentRequestType.STOP, "US-DEA", "no registration"))
                .expectEvents(new ShipmentStopRequestedEvent(ID, "US-DEA", "no registration"));
    }

    @Test
    void refusesARequestWithoutActionOrReason() {
        fixture.given(registered()).when(new RequestShipmentActionCommand(ID, null, "US-DEA", "why"))
                .expectException(rejected(Reason.INVALID, "action")).expectNoEvents();
        fixture.given(registered()).when(new RequestShipmentActionCommand(ID, ShipmentRequestType.STOP, "US-DEA", " "))
                .expectException(rejected(Reason.INVALID, "reason")).expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = ShipmentStatus.class, names = {"ARRIVED", "SEIZED", "STOPPED"})
    void refusesARequestForAShipmentThatIsNoLongerUnderWay(ShipmentStatus status) {
        Object ended = switch (status) {
            case ARRIVED -> new ShipmentArrivedEvent(ID, "Long Beach", "US", AT, null, "US-DEA", status);
            case SEIZED -> new ShipmentSeizedEvent(ID, "Busan", "KR", AT, null, "US-DEA", status);
            default -> new ShipmentStoppedEvent(ID, PEN, "objected", status);
        };
        fixture.given(registered(), departed(), ended)
                .when(new RequestShipmentActionCommand(ID, ShipmentRequestType.CONTROLLED_DELIVERY, "US-DEA", "follow it"))
                .expectException(rejected(Reason.CONFLICT, null, status.name())).expectNoEvents();
    }

    // the objection to the notification stops it

    @Test
    void anObjectionStopsARegisteredOrMovingShipment() {
        fixture.given(registered()).when(new StopShipmentCommand(ID, PEN, "US-DEA objected"))
                .expectEvents(new ShipmentStoppedEvent(ID, PEN, "US-DEA objected", ShipmentStatus.STOPPED));
        fixture.given(registered(), departed(),
                        new ShipmentReachedWaypointEvent(ID, "Busan", "KR", AT, null, "US-DEA", ShipmentStatus.IN_TRANSIT))
                .when(new StopShipmentCommand(ID, PEN, "US-DEA objected"))
                .expectEvents(new ShipmentStoppedEvent(ID, PEN, "US-DEA objected", ShipmentStatus.STOPPED));
    }

    @Test
    void aStopDeliveredAgainOrForAShipmentAlreadyEndedChangesNothing() {
        fixture.given(registered(), new ShipmentStoppedEvent(ID, PEN, "US-DEA objected", ShipmentStatus.STOPPED))
                .when(new StopShipmentCommand(ID, PEN, "US-DEA objected"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(registered(), departed(),
                        new ShipmentSeizedEvent(ID, "Busan", "KR", AT, null, "US-DEA", ShipmentStatus.SEIZED))
                .when(new StopShipmentCommand(ID, PEN, "US-DEA objected"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(registered(), departed(),
                        new ShipmentArrivedEvent(ID, "Long Beach", "US", AT, null, "US-DEA", ShipmentStatus.ARRIVED))
                .when(new StopShipmentCommand(ID, PEN, "US-DEA objected"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    // case links

    @Test
    void linksTheShipmentToACaseWithItsCurrentTitleAndStatus() {
        fixture.given(registered(), departed())
                .when(new LinkShipmentToCaseCommand(ID, "case-1", Set.of("US-DEA", "CN-CUSTOMS"), "US-DEA"))
                .expectEvents(new ShipmentLinkedToCaseEvent(ID, "case-1", TITLE, "DEPARTED"));
    }

    @Test
    void aLinkDeliveredAgainIsRecordedOnce() {
        fixture.given(registered(), new ShipmentLinkedToCaseEvent(ID, "case-1", TITLE, "REGISTERED"))
                .when(new LinkShipmentToCaseCommand(ID, "case-1", Set.of("US-DEA"), "US-DEA"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(registered(), new ShipmentLinkedToCaseEvent(ID, "case-1", TITLE, "REGISTERED"))
                .when(new LinkShipmentToCaseCommand(ID, "case-2", Set.of("US-DEA"), "US-DEA"))
                .expectEvents(new ShipmentLinkedToCaseEvent(ID, "case-2", TITLE, "REGISTERED"));
    }

    @Test
    void aLinkRequestedByAnAgencyThatMayNotSeeTheShipmentFindsNothing() {
        fixture.given(registered())
                .when(new LinkShipmentToCaseCommand(ID, "case-1", Set.of("MX-FGR"), "MX-FGR"))
                .expectException(rejected(Reason.NOT_FOUND, null, ID)).expectNoEvents();
    }

    @Test
    void aLinkToAShipmentThatDoesNotExistFindsNothing() {
        fixture.givenNoPriorActivity()
                .when(new LinkShipmentToCaseCommand("no-such", "case-1", Set.of("US-DEA"), "US-DEA"))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class).expectNoEvents();
    }

    @Test
    void aLinkToACaseWithAgenciesThatMayNotSeeTheShipmentIsForbiddenNamingThem() {
        fixture.given(registered())
                .when(new LinkShipmentToCaseCommand(ID, "case-1", Set.of("CN-CUSTOMS", "US-DEA", "NL-FIOD", "MX-FGR"), "CN-CUSTOMS"))
                .expectException(rejected(Reason.FORBIDDEN, null, "MX-FGR, NL-FIOD"))
                .expectNoEvents();
    }
}

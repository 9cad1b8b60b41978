package io.jointops.chemicals.query.shipmentview;

import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.ShipmentArrivedEvent;
import io.jointops.api.chemicals.ShipmentControlledDeliveryRequestedEvent;
import io.jointops.api.chemicals.ShipmentDepartedEvent;
import io.jointops.api.chemicals.ShipmentFlaggedEvent;
import io.jointops.api.chemicals.ShipmentLinkedToCaseEvent;
import io.jointops.api.chemicals.ShipmentReachedWaypointEvent;
import io.jointops.api.chemicals.ShipmentRegisteredEvent;
import io.jointops.api.chemicals.ShipmentReleasedEvent;
import io.jointops.api.chemicals.ShipmentSeizedEvent;
import io.jointops.api.chemicals.ShipmentStatus;
import io.jointops.api.chemicals.ShipmentStopRequestedEvent;
import io.jointops.api.chemicals.ShipmentStoppedEvent;
import io.jointops.api.chemicals.ShipmentTransshippedEvent;
import io.jointops.api.chemicals.TransportMode;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.audit.AuditMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.jointops.chemicals.query.shipmentview.RiskAssessmentTest.HUBEI;
import static io.jointops.chemicals.query.shipmentview.RiskAssessmentTest.PACIFIC;
import static org.assertj.core.api.Assertions.assertThat;

class ShipmentViewFoldTest {

    static final String ID = "shp-1";
    static final Instant T0 = Instant.parse("2026-12-20T10:00:00.123456789Z");
    static final Instant AT = Instant.parse("2026-12-21T08:00:00Z");

    private final List<DomainEventMessage<?>> events = new ArrayList<>();

    private DomainEventMessage<?> event(Object payload, String actor) {
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Shipment", ID, events.size(), payload,
                MetaData.from(Map.of(AuditMetadata.ACTOR, actor)), "m-" + events.size(), T0.plusSeconds(60L * events.size()));
        events.add(message);
        return message;
    }

    private static ShipmentRegisteredEvent registered() {
        return new ShipmentRegisteredEvent(ID, "500 KG 4-AP to Pacific Reagents LLC", "CN-CUSTOMS", "pen-1",
                Set.of("US-DEA", "CN-CUSTOMS"), HUBEI, PACIFIC, PACIFIC, "4-AP", "23056-29-3", new BigDecimal("500"),
                QuantityUnit.KG, new BigDecimal("500"), "4-AP", List.of("KR"), TransportMode.SEA, Tlp.AMBER, HandlingCode.H1);
    }

    @Test
    void registrationStartsTheViewWithSortedAgenciesNoRiskAndTheRegisteringOfficer() {
        event(registered(), "cn.chemical");
        ShipmentView view = ShipmentViewFold.fold(events).orElseThrow();
        assertThat(view.id()).isEqualTo(ID);
        assertThat(view.status()).isEqualTo("REGISTERED");
        assertThat(view.agencies()).containsExactly("CN-CUSTOMS", "US-DEA");
        assertThat(view.unit()).isEqualTo("KG");
        assertThat(view.transportMode()).isEqualTo("SEA");
        assertThat(view.tlp()).isEqualTo("TLP:AMBER");
        assertThat(view.handlingCode()).isEqualTo("H1");
        assertThat(view.registeredBy()).isEqualTo("cn.chemical");
        assertThat(view.createdAt()).isEqualTo(Instant.parse("2026-12-20T10:00:00.123457Z")).isEqualTo(view.updatedAt());
        assertThat(view.version()).isZero();
        assertThat(view.movements()).isEmpty();
        assertThat(view.risk()).isNull();
        assertThat(view.visibleTo("US-DEA")).isTrue();
        assertThat(view.visibleTo("MX-FGR")).isFalse();
    }

    @Test
    void everyMovementIsKeptInOrderWithTheStatusAfterIt() {
        event(registered(), "cn.chemical");
        event(new ShipmentDepartedEvent(ID, "Port of Wuhan", "CN", AT, "MV Yangtze Star", "CN-CUSTOMS", ShipmentStatus.DEPARTED), "cn.chemical");
        event(new ShipmentReachedWaypointEvent(ID, "Busan", "KR", AT.plusSeconds(1), null, "US-DEA", ShipmentStatus.IN_TRANSIT), "us.chemical");
        event(new ShipmentTransshippedEvent(ID, "Busan", "KR", AT.plusSeconds(2), null, "US-DEA", ShipmentStatus.IN_TRANSIT), "us.chemical");
        event(new ShipmentSeizedEvent(ID, "Long Beach", "US", AT.plusSeconds(3), null, "US-DEA", ShipmentStatus.SEIZED), "us.chemical");
        event(new ShipmentReleasedEvent(ID, "Long Beach", "US", AT.plusSeconds(4), null, "US-DEA", ShipmentStatus.RELEASED), "us.chemical");
        event(new ShipmentArrivedEvent(ID, "Long Beach", "US", AT.plusSeconds(5), null, "US-DEA", ShipmentStatus.ARRIVED), "us.chemical");
        ShipmentView view = ShipmentViewFold.fold(events).orElseThrow();
        assertThat(view.movements()).extracting(ShipmentView.Movement::type)
                .containsExactly("DEPARTED", "AT_WAYPOINT", "TRANSSHIPPED", "SEIZED", "RELEASED", "ARRIVED");
        assertThat(view.movements().get(0)).isEqualTo(new ShipmentView.Movement("DEPARTED", "Port of Wuhan", "CN", AT,
                "MV Yangtze Star", "CN-CUSTOMS", Instant.parse("2026-12-20T10:01:00.123457Z")));
        assertThat(view.status()).isEqualTo("ARRIVED");
        assertThat(view.version()).isEqualTo(6);
        assertThat(view.updatedAt()).isEqualTo(Instant.parse("2026-12-20T10:06:00.123457Z"));
        assertThat(view.createdAt()).isEqualTo(Instant.parse("2026-12-20T10:00:00.123457Z"));
    }

    @Test
    void flagsRequestsTheStopAndCaseLinksAreKept() {
        event(registered(), "cn.chemical");
        event(new ShipmentFlaggedEvent(ID, "US-DEA", List.of("Consignee unknown")), "us.chemical");
        event(new ShipmentControlledDeliveryRequestedEvent(ID, "US-DEA", "Identify the buyers"), "us.chemical");
        event(new ShipmentStopRequestedEvent(ID, "CN-CUSTOMS", "Licence doubtful"), "cn.chemical");
        event(new ShipmentStoppedEvent(ID, "pen-1", "US-DEA objected", ShipmentStatus.STOPPED), "system");
        event(new ShipmentLinkedToCaseEvent(ID, "case-1", "500 KG 4-AP to Pacific Reagents LLC", "STOPPED"), "us.investigator");
        ShipmentView view = ShipmentViewFold.fold(events).orElseThrow();
        assertThat(view.flags()).containsExactly(new ShipmentView.Flag("US-DEA", List.of("Consignee unknown"), "us.chemical",
                Instant.parse("2026-12-20T10:01:00.123457Z")));
        assertThat(view.requests()).extracting(ShipmentView.Request::action, ShipmentView.Request::agency,
                        ShipmentView.Request::requestedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CONTROLLED_DELIVERY", "US-DEA", "us.chemical"),
                        org.assertj.core.groups.Tuple.tuple("STOP", "CN-CUSTOMS", "cn.chemical"));
        assertThat(view.status()).isEqualTo("STOPPED");
        assertThat(view.stop()).isEqualTo(new ShipmentView.Stop("pen-1", "US-DEA objected", Instant.parse("2026-12-20T10:04:00.123457Z")));
        assertThat(view.linkedCases()).containsExactly("case-1");
        assertThat(view.version()).isEqualTo(5);
    }

    @Test
    void theProjectorsStepAndTheFoldAgreeAndOtherEventsChangeNothing() {
        ShipmentView stepped = ShipmentViewFold.apply(null, event(registered(), "cn.chemical"));
        stepped = ShipmentViewFold.apply(stepped, event(new ShipmentFlaggedEvent(ID, "US-DEA", List.of("r")), "us.chemical"));
        assertThat(stepped).isEqualTo(ShipmentViewFold.fold(events).orElseThrow());
        assertThat(ShipmentViewFold.apply(stepped, event("not a shipment event", "x"))).isSameAs(stepped);
        assertThat(ShipmentViewFold.handles("not a shipment event")).isFalse();
        assertThat(ShipmentViewFold.handles(registered())).isTrue();
    }

    @Test
    void nothingBeforeTheRegistration() {
        event(new ShipmentFlaggedEvent(ID, "US-DEA", List.of("r")), "us.chemical");
        assertThat(ShipmentViewFold.fold(events)).isEmpty();
        assertThat(ShipmentViewFold.fold(List.of())).isEmpty();
    }
}

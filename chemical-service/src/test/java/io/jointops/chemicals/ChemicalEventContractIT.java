package io.jointops.chemicals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.IncidentCaseLeadProposedEvent;
import io.jointops.api.chemicals.IncidentLinkedToCaseEvent;
import io.jointops.api.chemicals.IncidentReportedEvent;
import io.jointops.api.chemicals.IncidentType;
import io.jointops.api.chemicals.LinkIncidentToCaseCommand;
import io.jointops.api.chemicals.LinkShipmentToCaseCommand;
import io.jointops.api.chemicals.NationalControlAddedEvent;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.PreExportNotificationAcknowledgedEvent;
import io.jointops.api.chemicals.PreExportNotificationClearedEvent;
import io.jointops.api.chemicals.PreExportNotificationFiledEvent;
import io.jointops.api.chemicals.PreExportNotificationObjectedEvent;
import io.jointops.api.chemicals.PreExportNotificationUnansweredEvent;
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
import org.axonframework.commandhandling.CommandExecutionException;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.test.GoldenEvents;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Events are stored forever: every event of chemical-service is written by the service's event serializer exactly as
 * its golden file and reads back from it; and the case-link contract over the command bus: a missing or invisible item
 * is NOT_FOUND, a case agency that may not see it is FORBIDDEN.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
@Import(GoldenEvents.class)
class ChemicalEventContractIT {

    static final String PEN = "a4c1e2f0-3b5d-4e6f-8a7b-9c0d1e2f3a41";
    static final String SHIPMENT = "b5d2f3a1-4c6e-4f70-9b8c-0d1e2f3a4b52";
    static final String INCIDENT = "c6e3a4b2-5d7f-4081-8c9d-1e2f3a4b5c63";
    static final String CONTROL = "d7f4b5c3-6e80-4192-9dae-2f3a4b5c6d74";
    static final String CASE = "9d3c7a10-0000-4000-8000-000000000001";
    static final String LEAD = "e8a5c6d4-7f91-3a03-8ebf-3a4b5c6d7e85";
    static final Party HUBEI = new Party("Hubei Fine Chemicals", new Address("1 Gaoxin Road", "Wuhan", null, "CN"));
    static final Party PACIFIC = new Party("Pacific Reagents LLC", new Address("400 Harbor Blvd", "Long Beach", "90802", "US"));
    static final String TITLE = "500 KG 4-Anilinopiperidine (4-AP) to Pacific Reagents LLC";
    static final Instant AT = Instant.parse("2026-12-21T08:00:00Z");
    static final String OBJECTION = "Importer holds no DEA registration for List I chemicals";
    static final String SEIZURE = "Seizure of 120 KG 4-Anilinopiperidine (4-AP) at Port of Manzanillo";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "chemical-service");
    }

    @Autowired
    GoldenEvents golden;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    ObjectMapper json;
    @Autowired
    CommandGateway commands;
    @Autowired
    MockMvc mvc;

    static Map<String, Object> events() {
        return Map.ofEntries(
                Map.entry("PreExportNotificationAcknowledgedEvent.1.json", new PreExportNotificationAcknowledgedEvent(PEN, "US-DEA")),
                Map.entry("PreExportNotificationClearedEvent.1.json", new PreExportNotificationClearedEvent(PEN, "US-DEA")),
                Map.entry("PreExportNotificationObjectedEvent.1.json", new PreExportNotificationObjectedEvent(PEN, "US-DEA", OBJECTION)),
                Map.entry("PreExportNotificationUnansweredEvent.1.json", new PreExportNotificationUnansweredEvent(PEN,
                        Instant.parse("2026-12-15T09:00:00Z"), new TreeSet<>(Set.of("US-DEA", "CN-CUSTOMS")))),
                Map.entry("ShipmentRegisteredEvent.1.json", new ShipmentRegisteredEvent(SHIPMENT, TITLE, "CN-CUSTOMS",
                        PEN, new TreeSet<>(Set.of("US-DEA", "CN-CUSTOMS")), HUBEI, PACIFIC, PACIFIC,
                        "4-Anilinopiperidine (4-AP)", "23056-29-3", new BigDecimal("500"), QuantityUnit.KG,
                        new BigDecimal("500"), "4-Anilinopiperidine, CAS 23056-29-3", List.of("KR"), TransportMode.SEA,
                        Tlp.AMBER, HandlingCode.H1)),
                Map.entry("ShipmentDepartedEvent.1.json", new ShipmentDepartedEvent(SHIPMENT, "Port of Wuhan", "CN", AT,
                        "loaded on MV Yangtze Star", "CN-CUSTOMS", ShipmentStatus.DEPARTED)),
                Map.entry("ShipmentReachedWaypointEvent.1.json", new ShipmentReachedWaypointEvent(SHIPMENT, "Busan", "KR",
                        AT, null, "US-DEA", ShipmentStatus.IN_TRANSIT)),
                Map.entry("ShipmentTransshippedEvent.1.json", new ShipmentTransshippedEvent(SHIPMENT, "Busan", "KR", AT,
                        null, "US-DEA", ShipmentStatus.IN_TRANSIT)),
                Map.entry("ShipmentArrivedEvent.1.json", new ShipmentArrivedEvent(SHIPMENT, "Port of Long Beach", "US", AT,
                        null, "US-DEA", ShipmentStatus.ARRIVED)),
                Map.entry("ShipmentSeizedEvent.1.json", new ShipmentSeizedEvent(SHIPMENT, "Port of Long Beach", "US", AT,
                        null, "US-DEA", ShipmentStatus.SEIZED)),
                Map.entry("ShipmentReleasedEvent.1.json", new ShipmentReleasedEvent(SHIPMENT, "Port of Long Beach", "US", AT,
                        null, "US-DEA", ShipmentStatus.RELEASED)),
                Map.entry("ShipmentStoppedEvent.1.json", new ShipmentStoppedEvent(SHIPMENT, PEN,
                        "The importing authority US-DEA objected to pre-export notification " + PEN + ": " + OBJECTION,
                        ShipmentStatus.STOPPED)),
                Map.entry("ShipmentFlaggedEvent.1.json", new ShipmentFlaggedEvent(SHIPMENT, "US-DEA",
                        List.of("Consignee unknown at the declared address", "Route through a country not declared"))),
                Map.entry("ShipmentControlledDeliveryRequestedEvent.1.json", new ShipmentControlledDeliveryRequestedEvent(
                        SHIPMENT, "US-DEA", "Identify the buyers in Sinaloa")),
                Map.entry("ShipmentStopRequestedEvent.1.json", new ShipmentStopRequestedEvent(SHIPMENT, "US-DEA", "No DEA registration")),
                Map.entry("ShipmentLinkedToCaseEvent.1.json", new ShipmentLinkedToCaseEvent(SHIPMENT, CASE, TITLE, "STOPPED")),
                Map.entry("IncidentReportedEvent.1.json", new IncidentReportedEvent(INCIDENT, SEIZURE, "CN-CUSTOMS",
                        IncidentType.SEIZURE, "4-Anilinopiperidine (4-AP)", "23056-29-3", "I", new BigDecimal("120"),
                        QuantityUnit.KG, "Port of Manzanillo", "MX", LocalDate.of(2026, 12, 28),
                        "drums labelled as paint thinner", "front company, split consignments", SHIPMENT, Set.of("US-DEA"),
                        Tlp.AMBER, HandlingCode.H1)),
                Map.entry("IncidentCaseLeadProposedEvent.1.json", new IncidentCaseLeadProposedEvent(INCIDENT, LEAD,
                        "SEIZURE of 4-Anilinopiperidine (4-AP), a fentanyl precursor in Table I of the 1988 Convention")),
                Map.entry("IncidentLinkedToCaseEvent.1.json", new IncidentLinkedToCaseEvent(INCIDENT, CASE, SEIZURE, "REPORTED")),
                Map.entry("NationalControlAddedEvent.1.json", new NationalControlAddedEvent(CONTROL, "US-DEA",
                        "4-Anilinopiperidine (4-AP)", "23056-29-3", "US", "21 CFR 1310.02(a)", new BigDecimal("0.5"),
                        QuantityUnit.KG)));
    }

    @Test
    void everyEventIsWrittenAsItsGoldenFileAndReadBackFromIt() throws Exception {
        for (Map.Entry<String, Object> entry : events().entrySet()) {
            String file = entry.getKey();
            String revision = file.substring(file.indexOf('.') + 1, file.lastIndexOf('.'));
            Object event = entry.getValue();
            // as the store writes it, personal fields encrypted; decrypted again, the golden file (docs/privacy.md)
            assertThat(golden.written(event)).as("written as " + file).isEqualTo(json.readTree(resource(file)));
            assertThat(golden.read(file, event.getClass(), revision)).as("read from " + file).isEqualTo(event);
            assertThat(serializer.typeForClass(event.getClass()).getRevision()).as("revision of " + file).isEqualTo(revision);
        }
    }

    /** A new event without a golden file of its current revision fails here, not years later in a replay. */
    @Test
    void everyEventOfPrecursorControlHasAGoldenFileOfItsCurrentRevision() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        Set<String> expected = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.jointops.api.chemicals")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            expected.add(type.getSimpleName() + "." + type.getAnnotation(Revision.class).value() + ".json");
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(21);
        Set<String> covered = new TreeSet<>(events().keySet());
        covered.add("PreExportNotificationFiledEvent.2.json"); // checked as stored by NotificationApiIT
        assertThat(covered).containsAll(expected);
        for (String file : expected) {
            assertThat(getClass().getResource("/events/" + file)).as(file).isNotNull();
        }
    }

    @Test
    void aCaseLinkToAMissingOrInvisibleItemIsNotFoundAndToACaseOfAgenciesThatMayNotSeeItForbidden() throws Exception {
        RequestPostProcessor cn = TestTokens.user("cn.chemical", "CN-CUSTOMS", "chemical-officer");
        String location = mvc.perform(post("/api/chemicals/incidents").with(cn).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type":"SEIZURE","substanceName":"Acetone","casNumber":"67-64-1","quantity":20,"unit":"L",
                                 "place":"Ningbo","country":"CN","occurredOn":"2026-11-28","releasedTo":["US-DEA"],
                                 "tlp":"TLP:AMBER","handlingCode":"H1"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String incident = location.substring(location.lastIndexOf('/') + 1);

        assertThat(rejection(new LinkIncidentToCaseCommand("no-such-incident", CASE, Set.of("CN-CUSTOMS"), "CN-CUSTOMS")).reason())
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(rejection(new LinkShipmentToCaseCommand("no-such-shipment", CASE, Set.of("CN-CUSTOMS"), "CN-CUSTOMS")).reason())
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(rejection(new LinkIncidentToCaseCommand(incident, CASE, Set.of("MX-FGR"), "MX-FGR")).reason())
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        Rejection forbidden = rejection(new LinkIncidentToCaseCommand(incident, CASE, Set.of("CN-CUSTOMS", "MX-FGR"), "CN-CUSTOMS"));
        assertThat(forbidden.reason()).isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(forbidden.detail()).contains("MX-FGR");
        commands.sendAndWait(new LinkIncidentToCaseCommand(incident, CASE, Set.of("CN-CUSTOMS", "US-DEA"), "US-DEA"));
    }

    private Rejection rejection(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (CommandExecutionException refused) {
            // the details carry the rejection across the distributed command bus
            return refused.getDetails().filter(Rejection.class::isInstance).map(Rejection.class::cast)
                    .orElseThrow(() -> new AssertionError("refused without a rejection: " + refused));
        }
        throw new AssertionError("not refused: " + command);
    }

    private static byte[] resource(String file) throws java.io.IOException {
        try (InputStream in = ChemicalEventContractIT.class.getResourceAsStream("/events/" + file)) {
            assertThat(in).as("golden file events/" + file).isNotNull();
            return in.readAllBytes();
        }
    }
}

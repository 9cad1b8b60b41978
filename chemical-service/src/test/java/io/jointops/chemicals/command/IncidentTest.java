package io.jointops.chemicals.command;

import io.jointops.api.chemicals.IncidentCaseLeadProposedEvent;
import io.jointops.api.chemicals.IncidentLinkedToCaseEvent;
import io.jointops.api.chemicals.IncidentReportedEvent;
import io.jointops.api.chemicals.IncidentType;
import io.jointops.api.chemicals.LinkIncidentToCaseCommand;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.RecordIncidentCaseLeadCommand;
import io.jointops.api.chemicals.ReportIncidentCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.UnaryOperator;

import static io.jointops.platform.test.Rejections.rejected;

/** CN-CUSTOMS seizes 120 kg of 4-AP at the Port of Shanghai and releases the report to US-DEA. */
class IncidentTest {

    private static final String ID = "inc-1";
    private static final LocalDate ON = LocalDate.of(2026, 11, 28);
    private static final String TITLE = "Seizure of 120 KG 4-Anilinopiperidine (4-AP) at Port of Shanghai";

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
        fixture.registerInjectableResource(ControlledPrecursorsTest.shipped());
    }

    static ReportIncidentCommand report() {
        return new ReportIncidentCommand(ID, "CN-CUSTOMS", IncidentType.SEIZURE, "4-AP", null, new BigDecimal("120"),
                QuantityUnit.KG, " Port of Shanghai ", "CN", ON, " drums labelled as paint thinner ", "front company",
                "shp-1", Set.of("US-DEA"), Tlp.AMBER, HandlingCode.H1);
    }

    static IncidentReportedEvent reported() {
        return new IncidentReportedEvent(ID, TITLE, "CN-CUSTOMS", IncidentType.SEIZURE, "4-Anilinopiperidine (4-AP)",
                "23056-29-3", "I", new BigDecimal("120"), QuantityUnit.KG, "Port of Shanghai", "CN", ON,
                "drums labelled as paint thinner", "front company", "shp-1", Set.of("US-DEA"), Tlp.AMBER, HandlingCode.H1);
    }

    private static ReportIncidentCommand report(UnaryOperator<Object[]> change) {
        ReportIncidentCommand c = report();
        Object[] f = change.apply(new Object[]{c.incidentId(), c.seizingAgency(), c.type(), c.substanceName(),
                c.casNumber(), c.quantity(), c.unit(), c.place(), c.country(), c.occurredOn(), c.concealmentMethod(),
                c.modusOperandi(), c.shipmentId(), c.releasedTo(), c.tlp(), c.handlingCode()});
        @SuppressWarnings("unchecked")
        ReportIncidentCommand changed = new ReportIncidentCommand((String) f[0], (String) f[1], (IncidentType) f[2],
                (String) f[3], (String) f[4], (BigDecimal) f[5], (QuantityUnit) f[6], (String) f[7], (String) f[8],
                (LocalDate) f[9], (String) f[10], (String) f[11], (String) f[12], (Set<String>) f[13], (Tlp) f[14],
                (HandlingCode) f[15]);
        return changed;
    }

    private static UnaryOperator<Object[]> set(int index, Object value) {
        return f -> {
            f[index] = value;
            return f;
        };
    }

    @Test
    void reportsTheIncidentUnderTheRegistryNameWithItsTable() {
        fixture.givenNoPriorActivity().when(report()).expectEvents(reported());
    }

    @Test
    void aSubstanceGivenByCasNumberAloneIsNamedFromTheRegistryAndEmptyOptionalsAreLeftOut() {
        fixture.givenNoPriorActivity()
                .when(report(f -> {
                    f[2] = IncidentType.SUSPICIOUS_ORDER;
                    f[3] = "Acetic anhydride";
                    f[4] = "108-24-7";
                    f[5] = new BigDecimal("20.50");
                    f[6] = QuantityUnit.L;
                    f[7] = "Ningbo";
                    f[10] = " ";
                    f[11] = null;
                    f[12] = "";
                    f[13] = null;
                    return f;
                }))
                .expectEvents(new IncidentReportedEvent(ID, "Suspicious order of 20.5 L Acetic anhydride at Ningbo",
                        "CN-CUSTOMS", IncidentType.SUSPICIOUS_ORDER, "Acetic anhydride", "108-24-7", "I",
                        new BigDecimal("20.50"), QuantityUnit.L, "Ningbo", "CN", ON, null, null, null, Set.of(),
                        Tlp.AMBER, HandlingCode.H1));
    }

    @Test
    void refusesBadInputNamingTheField() {
        expectInvalid(set(1, "customs"), "seizingAgency");
        expectInvalid(set(2, null), "type");
        expectInvalid(set(3, " "), "substanceName");
        expectInvalid(set(3, "Ethanol"), "substanceName");
        expectInvalid(set(4, "23056-29-4"), "casNumber");
        expectInvalid(set(4, "108-24-7"), "casNumber");
        expectInvalid(set(5, new BigDecimal("-3")), "quantity");
        expectInvalid(set(5, new BigDecimal("1.0001")), "quantity");
        expectInvalid(set(6, null), "unit");
        expectInvalid(set(7, null), "place");
        expectInvalid(set(8, "CHN"), "country");
        expectInvalid(set(9, null), "occurredOn");
        expectInvalid(set(10, "c".repeat(2001)), "concealmentMethod");
        expectInvalid(set(11, "m".repeat(2001)), "modusOperandi");
        expectInvalid(set(12, "s".repeat(65)), "shipmentId");
        expectInvalid(set(13, Set.of("dea")), "releasedTo");
        expectInvalid(set(13, Set.of("CN-CUSTOMS")), "releasedTo");
        expectInvalid(set(14, null), "tlp");
        expectInvalid(set(15, null), "handlingCode");
    }

    private void expectInvalid(UnaryOperator<Object[]> change, String field) {
        fixture.givenNoPriorActivity().when(report(change))
                .expectException(rejected(Reason.INVALID, field))
                .expectNoEvents();
    }

    @Test
    void recordsTheProposedCaseLeadOnceThoughTheProcessDeliversItAgain() {
        fixture.given(reported()).when(new RecordIncidentCaseLeadCommand(ID, "lead-1", "fentanyl precursor"))
                .expectEvents(new IncidentCaseLeadProposedEvent(ID, "lead-1", "fentanyl precursor"));
        fixture.given(reported(), new IncidentCaseLeadProposedEvent(ID, "lead-1", "fentanyl precursor"))
                .when(new RecordIncidentCaseLeadCommand(ID, "lead-1", "fentanyl precursor"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void linksTheIncidentToACaseOfAgenciesThatMaySeeIt() {
        fixture.given(reported())
                .when(new LinkIncidentToCaseCommand(ID, "case-1", Set.of("CN-CUSTOMS", "US-DEA"), "CN-CUSTOMS"))
                .expectEvents(new IncidentLinkedToCaseEvent(ID, "case-1", TITLE, "REPORTED"));
        fixture.given(reported())
                .when(new LinkIncidentToCaseCommand(ID, "case-1", Set.of("CN-CUSTOMS"), "US-DEA"))
                .expectEvents(new IncidentLinkedToCaseEvent(ID, "case-1", TITLE, "REPORTED"));
    }

    @Test
    void aLinkDeliveredAgainIsRecordedOnce() {
        fixture.given(reported(), new IncidentLinkedToCaseEvent(ID, "case-1", TITLE, "REPORTED"))
                .when(new LinkIncidentToCaseCommand(ID, "case-1", Set.of("CN-CUSTOMS"), "CN-CUSTOMS"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aLinkRequestedByAnAgencyThatMayNotSeeTheIncidentFindsNothing() {
        fixture.given(reported())
                .when(new LinkIncidentToCaseCommand(ID, "case-1", Set.of("MX-FGR"), "MX-FGR"))
                .expectException(rejected(Reason.NOT_FOUND, null, ID)).expectNoEvents();
    }

    /** The platform's command interceptor turns this into NOT_FOUND (see ChemicalEventContractIT). */
    @Test
    void aLinkToAnIncidentThatDoesNotExistFindsNothing() {
        fixture.givenNoPriorActivity()
                .when(new LinkIncidentToCaseCommand("no-such", "case-1", Set.of("CN-CUSTOMS"), "CN-CUSTOMS"))
                .expectException(AggregateNotFoundException.class).expectNoEvents();
    }

    @Test
    void aLinkToACaseWithAgenciesThatMayNotSeeTheIncidentIsForbiddenNamingThem() {
        fixture.given(reported())
                .when(new LinkIncidentToCaseCommand(ID, "case-1", Set.of("CN-CUSTOMS", "US-DEA", "MX-FGR"), "CN-CUSTOMS"))
                .expectException(rejected(Reason.FORBIDDEN, null, "MX-FGR", "release it to them first"))
                .expectNoEvents();
    }
}

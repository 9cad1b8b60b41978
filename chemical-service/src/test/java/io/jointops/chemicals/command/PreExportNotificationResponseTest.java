package io.jointops.chemicals.command;

import io.jointops.api.chemicals.AcknowledgePreExportNotificationCommand;
import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.ClearPreExportNotificationCommand;
import io.jointops.api.chemicals.FilePreExportNotificationCommand;
import io.jointops.api.chemicals.ObjectToPreExportNotificationCommand;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.PreExportNotificationAcknowledgedEvent;
import io.jointops.api.chemicals.PreExportNotificationClearedEvent;
import io.jointops.api.chemicals.PreExportNotificationFiledEvent;
import io.jointops.api.chemicals.PreExportNotificationObjectedEvent;
import io.jointops.api.chemicals.PreExportNotificationUnansweredEvent;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.RecordPreExportNotificationNoReplyCommand;
import io.jointops.api.chemicals.TransportMode;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static io.jointops.platform.test.Rejections.rejected;

/** The importing country's authority, its response and "no reply": CN-CUSTOMS notifies US-DEA of 500 kg of 4-AP. */
class PreExportNotificationResponseTest {

    private static final String ID = "pen-4ap";
    private static final Party EXPORTER = new Party("Hubei Fine Chemicals", new Address("1 Gaoxin Road", "Wuhan", null, "CN"));
    private static final Party IMPORTER = new Party("Pacific Reagents LLC", new Address("400 Harbor Blvd", "Long Beach", "90802", "US"));

    private AggregateTestFixture<PreExportNotification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PreExportNotification.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
        fixture.registerInjectableResource(ControlledPrecursorsTest.shipped());
        fixture.registerInjectableResource(PreExportNotificationTest.RULES);
    }

    static FilePreExportNotificationCommand file(String importingAgency, Party importer) {
        return new FilePreExportNotificationCommand(ID, "CN-CUSTOMS", importingAgency, EXPORTER, importer, importer,
                "4-AP", "23056-29-3", new BigDecimal("500"), QuantityUnit.KG, LocalDate.of(2026, 12, 20),
                "Port of Long Beach", "CN-EXP-2026-77", Tlp.AMBER, HandlingCode.H1, new BigDecimal("99.5"),
                TransportMode.SEA, List.of("KR"));
    }

    static PreExportNotificationFiledEvent filed() {
        return new PreExportNotificationFiledEvent(ID, "CN-CUSTOMS", "US-DEA", EXPORTER, IMPORTER, IMPORTER, "4-AP",
                "23056-29-3", new BigDecimal("500"), QuantityUnit.KG, LocalDate.of(2026, 12, 20), "Port of Long Beach",
                "CN-EXP-2026-77", Tlp.AMBER, HandlingCode.H1, new BigDecimal("99.5"), TransportMode.SEA, List.of("KR"),
                PreExportNotificationTest.DUE);
    }

    @Test
    void theConfiguredAuthorityOfTheImportersCountryIsNotifiedAndAnswersWithinItsWindow() {
        fixture.givenNoPriorActivity().when(file("US-DEA", IMPORTER)).expectEvents(filed());
    }

    @Test
    void anotherAgencyThanTheConfiguredAuthorityIsRefused() {
        fixture.givenNoPriorActivity().when(file("US-CBP", IMPORTER))
                .expectException(rejected(Reason.INVALID, "importingAgency", "US-DEA"))
                .expectNoEvents();
    }

    @Test
    void withoutAConfiguredAuthorityAnAgencyOfTheImportersCountryAnswersAndNoOther() {
        Party mexican = new Party("Quimica del Pacifico", new Address("Av. Puerto 9", "Manzanillo", null, "MX"));
        fixture.givenNoPriorActivity().when(file("MX-FGR", mexican)).expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(file("US-DEA", mexican))
                .expectException(rejected(Reason.INVALID, "importingAgency", "agency of MX"))
                .expectNoEvents();
    }

    @Test
    void theResponseWindowIsTheImportingCountrysOwn() {
        Party australian = new Party("Southern Lab Supply", new Address("2 Dock St", "Sydney", "2000", "AU"));
        fixture.givenNoPriorActivity().when(file("AU-AFP", australian))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.<Object>predicate(payload ->
                                        ((PreExportNotificationFiledEvent) payload).responseDueBy()
                                                .equals(PreExportNotificationTest.NOW.plus(Duration.ofDays(5)))),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void theExporterMustBeInTheNotifyingAgencysCountry() {
        fixture.givenNoPriorActivity().when(new FilePreExportNotificationCommand(ID, "MX-FGR", "US-DEA", EXPORTER,
                        IMPORTER, IMPORTER, "4-AP", "23056-29-3", new BigDecimal("500"), QuantityUnit.KG,
                        LocalDate.of(2026, 12, 20), "Port of Long Beach", null, Tlp.AMBER, HandlingCode.H1, null, null, null))
                .expectException(rejected(Reason.INVALID, "exporter.address.country", "MX-FGR"))
                .expectNoEvents();
    }

    @Test
    void refusesABadMixtureOrRoute() {
        FilePreExportNotificationCommand valid = file("US-DEA", IMPORTER);
        fixture.givenNoPriorActivity().when(new FilePreExportNotificationCommand(ID, "CN-CUSTOMS", "US-DEA", EXPORTER,
                        IMPORTER, IMPORTER, "4-AP", "23056-29-3", valid.quantity(), valid.unit(), valid.expectedDispatchDate(),
                        valid.pointOfEntry(), null, Tlp.AMBER, HandlingCode.H1, new BigDecimal("100.5"), null, null))
                .expectException(rejected(Reason.INVALID, "mixturePercentage")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new FilePreExportNotificationCommand(ID, "CN-CUSTOMS", "US-DEA", EXPORTER,
                        IMPORTER, IMPORTER, "4-AP", "23056-29-3", valid.quantity(), valid.unit(), valid.expectedDispatchDate(),
                        valid.pointOfEntry(), null, Tlp.AMBER, HandlingCode.H1, null, null, List.of("Korea")))
                .expectException(rejected(Reason.INVALID, "route")).expectNoEvents();
    }

    @Test
    void theImportingAuthorityAcknowledgesThenObjects() {
        fixture.given(filed())
                .when(new AcknowledgePreExportNotificationCommand(ID, "US-DEA"))
                .expectEvents(new PreExportNotificationAcknowledgedEvent(ID, "US-DEA"));
        fixture.given(filed(), new PreExportNotificationAcknowledgedEvent(ID, "US-DEA"))
                .when(new ObjectToPreExportNotificationCommand(ID, "US-DEA", " Importer has no DEA registration "))
                .expectEvents(new PreExportNotificationObjectedEvent(ID, "US-DEA", "Importer has no DEA registration"));
    }

    @Test
    void theImportingAuthorityClears() {
        fixture.given(filed())
                .when(new ClearPreExportNotificationCommand(ID, "US-DEA"))
                .expectEvents(new PreExportNotificationClearedEvent(ID, "US-DEA"));
    }

    @Test
    void theExportingAgencyMayNotRespondAndOthersDoNotLearnTheNotificationExists() {
        fixture.given(filed()).when(new ClearPreExportNotificationCommand(ID, "CN-CUSTOMS"))
                .expectException(rejected(Reason.FORBIDDEN, null, "US-DEA")).expectNoEvents();
        fixture.given(filed()).when(new AcknowledgePreExportNotificationCommand(ID, "MX-FGR"))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
        fixture.given(filed()).when(new ObjectToPreExportNotificationCommand(ID, "MX-FGR", "no"))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
    }

    @Test
    void anObjectionNeedsAReasonAndASecondAnswerConflicts() {
        fixture.given(filed()).when(new ObjectToPreExportNotificationCommand(ID, "US-DEA", " "))
                .expectException(rejected(Reason.INVALID, "reason")).expectNoEvents();
        fixture.given(filed(), new PreExportNotificationClearedEvent(ID, "US-DEA"))
                .when(new ObjectToPreExportNotificationCommand(ID, "US-DEA", "changed our mind"))
                .expectException(rejected(Reason.CONFLICT, null, "CLEARED")).expectNoEvents();
        fixture.given(filed(), new PreExportNotificationAcknowledgedEvent(ID, "US-DEA"))
                .when(new AcknowledgePreExportNotificationCommand(ID, "US-DEA"))
                .expectException(rejected(Reason.CONFLICT, null, "ACKNOWLEDGED")).expectNoEvents();
    }

    @Test
    void anUnansweredNotificationIsEscalatedToBothSidesOnceAndALateObjectionStillCounts() {
        PreExportNotificationUnansweredEvent unanswered = new PreExportNotificationUnansweredEvent(ID,
                PreExportNotificationTest.DUE, Set.of("CN-CUSTOMS", "US-DEA"));
        fixture.given(filed(), new PreExportNotificationAcknowledgedEvent(ID, "US-DEA"))
                .when(new RecordPreExportNotificationNoReplyCommand(ID))
                .expectEvents(unanswered);
        fixture.given(filed(), unanswered).when(new RecordPreExportNotificationNoReplyCommand(ID)).expectNoEvents();
        fixture.given(filed(), new PreExportNotificationClearedEvent(ID, "US-DEA"))
                .when(new RecordPreExportNotificationNoReplyCommand(ID)).expectNoEvents();
        fixture.given(filed(), unanswered)
                .when(new ObjectToPreExportNotificationCommand(ID, "US-DEA", "late, but no"))
                .expectEvents(new PreExportNotificationObjectedEvent(ID, "US-DEA", "late, but no"));
    }
}

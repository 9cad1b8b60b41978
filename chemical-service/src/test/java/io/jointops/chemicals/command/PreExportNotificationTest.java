package io.jointops.chemicals.command;

import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.FilePreExportNotificationCommand;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.PreExportNotificationFiledEvent;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.TransportMode;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.jointops.platform.test.Rejections.rejected;

class PreExportNotificationTest {

    private static final String ID = "pen-1";
    private static final LocalDate DISPATCH = LocalDate.of(2026, 12, 10);
    private static final ControlledPrecursors REGISTRY = ControlledPrecursorsTest.shipped();
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final PenRules RULES = new PenRules(Map.of("US", "US-DEA"), Map.of("AU", Duration.ofDays(5)),
            Duration.ofDays(15), Clock.fixed(NOW, ZoneOffset.UTC));
    static final Instant DUE = NOW.plus(Duration.ofDays(15));

    private AggregateTestFixture<PreExportNotification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PreExportNotification.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
        fixture.registerInjectableResource(REGISTRY);
        fixture.registerInjectableResource(RULES);
    }

    @Test
    void filesANotificationOfASubstanceKnownByItsCasNumber() {
        fixture.givenNoPriorActivity()
                .when(pen(p -> {
                    p.substanceName = " Acetic anhydride ";
                    p.exporter = party(" Rhine Chemicals BV ", " Havenweg 1 ", " Rotterdam ", " 3011 AA ", "NL");
                    p.pointOfEntry = " Port of Tianjin ";
                    p.licence = " NL-EXP-2026-0042 ";
                }))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PreExportNotificationFiledEvent(ID, "NL-FIOD", "CN-CUSTOMS",
                        party("Rhine Chemicals BV", "Havenweg 1", "Rotterdam", "3011 AA", "NL"),
                        party("Tianjin Fine Chem Co.", "8 Binhai Road", "Tianjin", null, "CN"),
                        party("Tianjin Fine Chem Co. Warehouse 3", "12 Port Road", "Tianjin", "300450", "CN"),
                        "Acetic anhydride", "108-24-7", new BigDecimal("1250.5"), QuantityUnit.L, DISPATCH,
                        "Port of Tianjin", "NL-EXP-2026-0042", Tlp.AMBER, HandlingCode.H1, null, null, List.of(), DUE));
    }

    @Test
    void filesANotificationOfASubstanceTheRegistryKnowsOnlyByName() {
        fixture.givenNoPriorActivity()
                .when(pen(p -> {
                    p.substanceName = "ANPP";
                    p.casNumber = "21409-26-7";
                    p.quantity = new BigDecimal("25");
                    p.unit = QuantityUnit.KG;
                    p.licence = "  ";
                }))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PreExportNotificationFiledEvent(ID, "NL-FIOD", "CN-CUSTOMS",
                        party("Rhine Chemicals BV", "Havenweg 1", "Rotterdam", "3011 AA", "NL"),
                        party("Tianjin Fine Chem Co.", "8 Binhai Road", "Tianjin", null, "CN"),
                        party("Tianjin Fine Chem Co. Warehouse 3", "12 Port Road", "Tianjin", "300450", "CN"),
                        "ANPP", "21409-26-7", new BigDecimal("25"), QuantityUnit.KG, DISPATCH, "Port of Tianjin",
                        null, Tlp.AMBER, HandlingCode.H1, null, null, List.of(), DUE));
    }

    @Test
    void acceptsAnyNameForASubstanceKnownByItsCasNumberUnlessTheNameIsAnotherSubstances() {
        fixture.givenNoPriorActivity()
                .when(pen(p -> p.substanceName = "Ethanoic anhydride"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAnExportingOrImportingAgencyThatIsNoAgencyCode() {
        fixture.givenNoPriorActivity().when(pen(p -> p.exportingAgency = "fiod"))
                .expectException(rejected(Reason.INVALID, "exportingAgency", "fiod"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(pen(p -> p.importingAgency = null))
                .expectException(rejected(Reason.INVALID, "importingAgency"))
                .expectNoEvents();
    }

    @Test
    void refusesANotificationToTheExportingAgencyItself() {
        fixture.givenNoPriorActivity().when(pen(p -> p.importingAgency = "NL-FIOD"))
                .expectException(rejected(Reason.INVALID, "importingAgency", "NL-FIOD"))
                .expectNoEvents();
    }

    @Test
    void refusesMissingOrIncompleteParties() {
        fixture.givenNoPriorActivity().when(pen(p -> p.exporter = null))
                .expectException(rejected(Reason.INVALID, "exporter"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(pen(p -> p.importer = new Party(" ", p.importer.address())))
                .expectException(rejected(Reason.INVALID, "importer.name"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(pen(p -> p.consignee = new Party("Warehouse", null)))
                .expectException(rejected(Reason.INVALID, "consignee.address"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(pen(p -> p.consignee = party("Warehouse", "", "Tianjin", null, "CN")))
                .expectException(rejected(Reason.INVALID, "consignee.address.street"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(pen(p -> p.consignee = party("Warehouse", "12 Port Road", null, null, "CN")))
                .expectException(rejected(Reason.INVALID, "consignee.address.city"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(pen(p -> p.consignee = party("Warehouse", "12 Port Road", "Tianjin", "1".repeat(21), "CN")))
                .expectException(rejected(Reason.INVALID, "consignee.address.postalCode"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(pen(p -> p.exporter = party("Rhine Chemicals BV", "Havenweg 1", "Rotterdam", null, "NLD")))
                .expectException(rejected(Reason.INVALID, "exporter.address.country", "ISO 3166-1"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(pen(p -> p.exporter = party("x".repeat(201), "Havenweg 1", "Rotterdam", null, "NL")))
                .expectException(rejected(Reason.INVALID, "exporter.name", "200"))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingSubstanceNameOrCasNumber() {
        fixture.givenNoPriorActivity().when(pen(p -> p.substanceName = " "))
                .expectException(rejected(Reason.INVALID, "substanceName"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(pen(p -> p.casNumber = null))
                .expectException(rejected(Reason.INVALID, "casNumber"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1609-66-5", "108-24-8", "108247", "108-24-7 "})
    void refusesACasNumberWithAWrongCheckDigitOrForm(String casNumber) {
        fixture.givenNoPriorActivity().when(pen(p -> {
                    p.substanceName = "Norfentanyl";
                    p.casNumber = casNumber;
                }))
                .expectException(rejected(Reason.INVALID, "casNumber", "check digit"))
                .expectNoEvents();
    }

    @Test
    void refusesASubstanceThatIsNotAControlledPrecursor() {
        fixture.givenNoPriorActivity().when(pen(p -> {
                    p.substanceName = "Ethanol";
                    p.casNumber = "64-17-5";
                }))
                .expectException(rejected(Reason.INVALID, "casNumber", "neither CAS RN 64-17-5", "controlled precursor"))
                .expectNoEvents();
    }

    @Test
    void refusesAControlledNameWithAnotherCasNumberThanTheRegistrys() {
        fixture.givenNoPriorActivity().when(pen(p -> {
                    p.substanceName = "Acetone";
                    p.casNumber = "64-17-5";
                }))
                .expectException(rejected(Reason.INVALID, "casNumber", "67-64-1"))
                .expectNoEvents();
    }

    @Test
    void refusesANameAndACasNumberOfTwoDifferentSubstances() {
        fixture.givenNoPriorActivity().when(pen(p -> {
                    p.substanceName = "Acetone";
                    p.casNumber = "108-24-7";
                }))
                .expectException(rejected(Reason.INVALID, "substanceName", "Acetic anhydride"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "0.000", "1.0001", "1000000000000"})
    void refusesAQuantityThatIsNotPositiveOrTooPrecise(String quantity) {
        fixture.givenNoPriorActivity().when(pen(p -> p.quantity = new BigDecimal(quantity)))
                .expectException(rejected(Reason.INVALID, "quantity"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "999999999999.999", "1.5000"})
    void acceptsTheSmallestAndLargestQuantities(String quantity) {
        fixture.givenNoPriorActivity().when(pen(p -> p.quantity = new BigDecimal(quantity)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesMissingQuantityUnitDispatchDateOrPointOfEntry() {
        fixture.givenNoPriorActivity().when(pen(p -> p.quantity = null))
                .expectException(rejected(Reason.INVALID, "quantity"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(pen(p -> p.unit = null))
                .expectException(rejected(Reason.INVALID, "unit"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(pen(p -> p.dispatch = null))
                .expectException(rejected(Reason.INVALID, "expectedDispatchDate"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(pen(p -> p.pointOfEntry = ""))
                .expectException(rejected(Reason.INVALID, "pointOfEntry"))
                .expectNoEvents();
    }

    @Test
    void refusesATooLongLicenceNumber() {
        fixture.givenNoPriorActivity().when(pen(p -> p.licence = "L".repeat(65)))
                .expectException(rejected(Reason.INVALID, "exportLicenceNumber", "64"))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingTlpOrHandlingCode() {
        fixture.givenNoPriorActivity().when(pen(p -> p.tlp = null))
                .expectException(rejected(Reason.INVALID, "tlp"))
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(pen(p -> p.handlingCode = null))
                .expectException(rejected(Reason.INVALID, "handlingCode"))
                .expectNoEvents();
    }

    /** A valid notification, changed by {@code change}. */
    private static FilePreExportNotificationCommand pen(Consumer<Pen> change) {
        Pen p = new Pen();
        change.accept(p);
        return new FilePreExportNotificationCommand(ID, p.exportingAgency, p.importingAgency, p.exporter, p.importer,
                p.consignee, p.substanceName, p.casNumber, p.quantity, p.unit, p.dispatch, p.pointOfEntry, p.licence,
                p.tlp, p.handlingCode, p.mixture, p.transportMode, p.route);
    }

    private static Party party(String name, String street, String city, String postalCode, String country) {
        return new Party(name, new Address(street, city, postalCode, country));
    }

    /** The fields of a notification, valid until a test changes one. */
    private static final class Pen {
        String exportingAgency = "NL-FIOD";
        String importingAgency = "CN-CUSTOMS";
        Party exporter = party("Rhine Chemicals BV", "Havenweg 1", "Rotterdam", "3011 AA", "NL");
        Party importer = party("Tianjin Fine Chem Co.", "8 Binhai Road", "Tianjin", null, "CN");
        Party consignee = party("Tianjin Fine Chem Co. Warehouse 3", "12 Port Road", "Tianjin", "300450", "CN");
        String substanceName = "Acetic anhydride";
        String casNumber = "108-24-7";
        BigDecimal quantity = new BigDecimal("1250.5");
        QuantityUnit unit = QuantityUnit.L;
        LocalDate dispatch = DISPATCH;
        String pointOfEntry = "Port of Tianjin";
        String licence = null;
        Tlp tlp = Tlp.AMBER;
        HandlingCode handlingCode = HandlingCode.H1;
        BigDecimal mixture = null;
        TransportMode transportMode = null;
        List<String> route = null;
    }
}

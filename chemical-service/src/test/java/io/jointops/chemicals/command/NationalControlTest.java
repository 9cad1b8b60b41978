package io.jointops.chemicals.command;

import io.jointops.api.chemicals.AddNationalControlCommand;
import io.jointops.api.chemicals.NationalControlAddedEvent;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.jointops.platform.test.Rejections.rejected;

/** US-DEA records the US threshold for 4-AP. */
class NationalControlTest {

    private static final String ID = "ctl-1";

    private AggregateTestFixture<NationalControl> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NationalControl.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
        fixture.registerInjectableResource(ControlledPrecursorsTest.shipped());
    }

    private static AddNationalControlCommand add(String agency, String substance, String cas, String country,
                                                 String reference, BigDecimal threshold, QuantityUnit unit) {
        return new AddNationalControlCommand(ID, agency, substance, cas, country, reference, threshold, unit);
    }

    @Test
    void recordsTheControlUnderTheRegistryNameAndNumber() {
        fixture.givenNoPriorActivity()
                .when(add("US-DEA", "N-phenylpiperidin-4-amine", null, "US", " 21 CFR 1310.04 ", new BigDecimal("0"
                        + ".5"), QuantityUnit.KG))
                .expectEvents(new NationalControlAddedEvent(ID, "US-DEA", "4-Anilinopiperidine (4-AP)", "23056-29-3",
                        "US", "21 CFR 1310.04", new BigDecimal("0.5"), QuantityUnit.KG));
    }

    @Test
    void aControlWithoutThresholdHasNoUnit() {
        fixture.givenNoPriorActivity()
                .when(add("US-DEA", "4-AP", "23056-29-3", "US", "21 CFR 1310.02", null, QuantityUnit.KG))
                .expectEvents(new NationalControlAddedEvent(ID, "US-DEA", "4-Anilinopiperidine (4-AP)", "23056-29-3",
                        "US", "21 CFR 1310.02", null, null));
    }

    @Test
    void anAgencyRecordsControlsOfItsOwnCountryOnly() {
        fixture.givenNoPriorActivity()
                .when(add("CN-CUSTOMS", "4-AP", null, "US", "21 CFR 1310.04", null, null))
                .expectException(rejected(Reason.INVALID, "country", "CN-CUSTOMS", "own country"))
                .expectNoEvents();
    }

    @Test
    void refusesBadInputNamingTheField() {
        expectInvalid(add("dea", "4-AP", null, "US", "ref", null, null), "addingAgency");
        expectInvalid(add("US-DEA", "4-AP", null, "us", "ref", null, null), "country");
        expectInvalid(add("US-DEA", "Ethanol", null, "US", "ref", null, null), "substanceName");
        expectInvalid(add("US-DEA", "4-AP", "23056-29-4", "US", "ref", null, null), "casNumber");
        expectInvalid(add("US-DEA", "4-AP", null, "US", " ", null, null), "legalReference");
        expectInvalid(add("US-DEA", "4-AP", null, "US", "r".repeat(201), null, null), "legalReference");
        expectInvalid(add("US-DEA", "4-AP", null, "US", "ref", BigDecimal.ZERO, QuantityUnit.KG), "thresholdQuantity");
        expectInvalid(add("US-DEA", "4-AP", null, "US", "ref", BigDecimal.TEN, null), "unit");
    }

    private void expectInvalid(AddNationalControlCommand command, String field) {
        fixture.givenNoPriorActivity().when(command).expectException(rejected(Reason.INVALID, field)).expectNoEvents();
    }
}

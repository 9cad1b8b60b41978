package io.jointops.cases.command;

import io.jointops.api.cases.CaseActor;
import io.jointops.api.cases.CaseClosedEvent;
import io.jointops.api.cases.CaseDossierProducedEvent;
import io.jointops.api.cases.CaseOpenedEvent;
import io.jointops.api.cases.ClosingReason;
import io.jointops.api.cases.RecordCaseDossierCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jointops.platform.test.Rejections.rejected;

/** A dossier's production is recorded on the case for whoever may read it, also once the case is closed. */
class JointCaseDossierTest {

    private static final String ID = "case-1";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final CaseOpenedEvent OPENED = new CaseOpenedEvent(ID, "Route X", "summary", "CN-NNCC",
            List.of("US-DEA"), Tlp.AMBER, HandlingCode.H1);
    private static final CaseActor US_ANALYST = new CaseActor("us.analyst", "US-DEA", false);
    private static final CaseActor MX = new CaseActor("mx.investigator", "MX-FGR", true);
    private static final CaseActor AUDITOR = new CaseActor("auditor", "JOINT-AUDIT", false);

    private FixtureConfiguration<JointCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JointCase.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
    }

    @Test
    void anyReaderOfAnAgencyTakingPartHasItRecordedEvenWhenTheCaseIsClosed() {
        fixture.given(OPENED, new CaseClosedEvent(ID, ClosingReason.PROSECUTED, "Charged"))
                .when(new RecordCaseDossierCommand(ID, "d-1", SHA, 4096, 17, US_ANALYST, false))
                .expectEvents(new CaseDossierProducedEvent(ID, "d-1", SHA, 4096, 17, "us.analyst", "US-DEA"));
        fixture.given(OPENED).when(new RecordCaseDossierCommand(ID, "d-2", SHA, 4096, 17, AUDITOR, true))
                .expectEvents(new CaseDossierProducedEvent(ID, "d-2", SHA, 4096, 17, "auditor", "JOINT-AUDIT"));
    }

    @Test
    void anAgencyOutsideTheCaseLearnsNothingAndBadValuesAreNamed() {
        fixture.given(OPENED).when(new RecordCaseDossierCommand(ID, "d-1", SHA, 4096, 17, MX, false))
                .expectNoEvents().expectException(rejected(Reason.NOT_FOUND, null, "No case 'case-1' is visible to you."));
        fixture.given(OPENED).when(new RecordCaseDossierCommand(ID, "d-1", SHA.toUpperCase(), 4096, 17, US_ANALYST, false))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "sha256"));
        fixture.given(OPENED).when(new RecordCaseDossierCommand(ID, "d-1", SHA, 0, 17, US_ANALYST, false))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "size"));
        fixture.given(OPENED).when(new RecordCaseDossierCommand(ID, "d-1", SHA, 4096, 0, US_ANALYST, false))
                .expectNoEvents().expectException(rejected(Reason.INVALID, "treeSize"));
    }
}

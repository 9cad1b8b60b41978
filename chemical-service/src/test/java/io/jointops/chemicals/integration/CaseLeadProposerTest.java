package io.jointops.chemicals.integration;

import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.ProposeCaseLeadCommand;
import io.jointops.api.chemicals.IncidentReportedEvent;
import io.jointops.api.chemicals.IncidentType;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.RecordIncidentCaseLeadCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.chemicals.command.ControlledPrecursors;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The process across services: a Table I fentanyl precursor incident proposes a joint case lead, nothing else does. */
class CaseLeadProposerTest {

    private RecordingCommandBus bus;
    private CaseLeadProposer proposer;

    @BeforeEach
    void setUp() {
        bus = new RecordingCommandBus();
        ControlledPrecursors registry = ControlledPrecursors.fromCsv(
                CaseLeadProposerTest.class.getResourceAsStream("/precursors/precursors.csv"));
        proposer = new CaseLeadProposer(DefaultCommandGateway.builder().commandBus(bus).build(), registry);
    }

    private static IncidentReportedEvent incident(String id, String substance, String cas, String table) {
        return new IncidentReportedEvent(id, "Seizure of 120 KG " + substance + " at Port of Shanghai", "CN-CUSTOMS",
                IncidentType.SEIZURE, substance, cas, table, new BigDecimal("120"), QuantityUnit.KG, "Port of Shanghai",
                "CN", LocalDate.of(2026, 11, 28), null, null, "shp-1", Set.of("US-DEA"), Tlp.AMBER, HandlingCode.H1);
    }

    @Test
    void aFentanylPrecursorIncidentProposesALeadToCaseServiceAndRecordsIt() {
        proposer.on(incident("inc-1", "4-Anilinopiperidine (4-AP)", "23056-29-3", "I"));

        String leadId = CaseLeadProposer.leadId("inc-1");
        String reason = "SEIZURE of 4-Anilinopiperidine (4-AP), a fentanyl precursor in Table I of the 1988 Convention";
        assertThat(payloads()).containsExactly(
                new ProposeCaseLeadCommand(leadId, LinkedItemType.INCIDENT, "inc-1",
                        "Seizure of 120 KG 4-Anilinopiperidine (4-AP) at Port of Shanghai", "CN-CUSTOMS",
                        Set.of("CN-CUSTOMS", "US-DEA"), reason),
                new RecordIncidentCaseLeadCommand("inc-1", leadId, reason));
    }

    @Test
    void aRedeliveredIncidentProposesTheSameLead() {
        proposer.on(incident("inc-1", "4-Anilinopiperidine (4-AP)", "23056-29-3", "I"));
        proposer.on(incident("inc-1", "4-Anilinopiperidine (4-AP)", "23056-29-3", "I"));
        assertThat(payloads()).filteredOn(ProposeCaseLeadCommand.class::isInstance)
                .extracting(command -> ((ProposeCaseLeadCommand) command).leadId())
                .containsExactly(CaseLeadProposer.leadId("inc-1"), CaseLeadProposer.leadId("inc-1"));
        assertThat(CaseLeadProposer.leadId("inc-1")).isNotEqualTo(CaseLeadProposer.leadId("inc-2"));
    }

    @Test
    void aFentanylPrecursorKnownByNameOnlyProposesALeadToo() {
        proposer.on(incident("inc-3", "4-Anilino-N-phenethylpiperidine (ANPP)", null, "I"));
        assertThat(payloads()).hasSize(2).first().isInstanceOf(ProposeCaseLeadCommand.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Acetic anhydride | 108-24-7 | I",
            "Ephedrine        | 299-42-3 | I",
            "Acetone          | 67-64-1  | II"})
    void otherSubstancesProposeNothing(String substance, String cas, String table) {
        proposer.on(incident("inc-2", substance, cas, table));
        assertThat(bus.getDispatchedCommands()).isEmpty();
    }

    private List<Object> payloads() {
        return bus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast).toList();
    }
}

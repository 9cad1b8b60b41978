package io.jointops.intel;

import io.jointops.api.intel.ApproveIntelReportCommand;
import io.jointops.api.intel.DecideOnwardDisseminationCommand;
import io.jointops.api.intel.DraftIntelReportCommand;
import io.jointops.api.intel.EntityType;
import io.jointops.api.intel.FeedbackKind;
import io.jointops.api.intel.GiveIntelReportFeedbackCommand;
import io.jointops.api.intel.IntelCategory;
import io.jointops.api.intel.IntelEntity;
import io.jointops.api.intel.IntelRelation;
import io.jointops.api.intel.IntelReportContent;
import io.jointops.api.intel.IntelReportDraftedEvent;
import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import io.jointops.api.intel.IntelReportSubmittedEvent;
import io.jointops.api.intel.LinkIntelReportToCaseCommand;
import io.jointops.api.intel.RecordTakedownResponseCommand;
import io.jointops.api.intel.RegradeIntelReportCommand;
import io.jointops.api.intel.RelationKind;
import io.jointops.api.intel.ReportTakedownReappearanceCommand;
import io.jointops.api.intel.RequestOnwardDisseminationCommand;
import io.jointops.api.intel.RequestTakedownCommand;
import io.jointops.api.intel.ReturnIntelReportCommand;
import io.jointops.api.intel.ReviseIntelReportDraftCommand;
import io.jointops.api.intel.RouteWaypoint;
import io.jointops.api.intel.SourceReliability;
import io.jointops.api.intel.SubmitIntelReportForReleaseCommand;
import io.jointops.api.intel.TakedownContentType;
import io.jointops.api.intel.TakedownStatus;
import io.jointops.api.intel.TraffickingRoute;
import io.jointops.api.intel.TransportMode;
import io.jointops.api.intel.WithdrawIntelReportCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.test.GoldenEvents;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every event intel-service stores is written exactly as its golden file, and the golden files still read. */
@SpringBootTest
@DirtiesContext
@AutoConfigureMockMvc
@Import(GoldenEvents.class)
class IntelGoldenEventsIT {

    static final String R = "8a0c6a55-2f43-4bd4-9c55-6a0e2f7f9d01";
    static final String T = "5b7e2a10-9c1d-4e8f-a3b2-0c4d5e6f7a81";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "intel-service");
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    GoldenEvents golden;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    static IntelReportContent content() {
        return new IntelReportContent("NPP shipments via Rotterdam", "Broker pattern",
                "Consignments declared as machine parts.", IntelCategory.TRAFFICKING_ROUTE, SourceReliability.B, 2,
                Tlp.AMBER, HandlingCode.H2, null, Set.of("US-DEA"),
                List.of(new IntelEntity("e1", EntityType.ORGANISATION, "ACME Trading Co., Ltd.", null),
                        new IntelEntity("e2", EntityType.PHONE_NUMBER, "+86 10 1234 5678", null)),
                List.of(new IntelRelation("e1", RelationKind.USES, "e2")),
                new TraffickingRoute(List.of(new RouteWaypoint("Tianjin", "CN", TransportMode.SEA, "machine parts"),
                        new RouteWaypoint("Rotterdam", "NL", TransportMode.ROAD, null)), List.of("NPP"),
                        LocalDate.parse("2025-01-01"), LocalDate.parse("2025-06-01")));
    }

    @Test
    void reportEventsAreStoredAsTheirGoldenFiles() throws Exception {
        commands.sendAndWait(new DraftIntelReportCommand(R, "CN-NNCC", content()));
        commands.sendAndWait(new SubmitIntelReportForReleaseCommand(R, "CN-NNCC"));
        commands.sendAndWait(new ApproveIntelReportCommand(R, "CN-NNCC", "cn-supervisor-id"));
        commands.sendAndWait(new RegradeIntelReportCommand(R, "CN-NNCC", SourceReliability.A, 1, "corroborated by a seizure"));
        commands.sendAndWait(new RequestOnwardDisseminationCommand(R, "req-1", "US-DEA", "MX-FGR", "joint operation"));
        // consent widens the release: a supervisor of the owner agency who did not write the report (audit metadata)
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new DecideOnwardDisseminationCommand(R, "req-1", "CN-NNCC", true, "for the joint operation only"))
                .andMetaData(Map.of("actorId", "cn-supervisor-id", "roles", "supervisor")));
        commands.sendAndWait(new RequestOnwardDisseminationCommand(R, "req-2", "US-DEA", "GB-NCA", "joint operation"));
        commands.sendAndWait(new DecideOnwardDisseminationCommand(R, "req-2", "CN-NNCC", false, "source at risk"));
        commands.sendAndWait(new GiveIntelReportFeedbackCommand(R, "US-DEA", FeedbackKind.CONFIRMED, "seized 200 kg"));
        commands.sendAndWait(new LinkIntelReportToCaseCommand(R, "case-a", Set.of("CN-NNCC", "US-DEA"), "US-DEA"));
        commands.sendAndWait(new WithdrawIntelReportCommand(R, "CN-NNCC", "source withdrew"));

        String[] expected = {"IntelReportDraftedEvent.1.json", "IntelReportSubmittedForReleaseEvent.1.json",
                "IntelReportApprovedEvent.1.json", "IntelReportDisseminatedEvent.1.json",
                "IntelReportRegradedEvent.1.json", "OnwardDisseminationRequestedEvent.1.json",
                "OnwardDisseminationConsentedEvent.1.json", "IntelReportReleaseWidenedEvent.1.json", null,
                "OnwardDisseminationRefusedEvent.1.json", "IntelReportFeedbackGivenEvent.1.json",
                "IntelReportLinkedToCaseEvent.2.json", "IntelReportWithdrawnEvent.1.json"};
        for (int sequence = 0; sequence < expected.length; sequence++) {
            if (expected[sequence] != null) {
                golden.assertStoredAsGolden(R, sequence, expected[sequence], "reportId");
            }
        }
        assertThat(revisions(R)).containsOnly("1", "2");

        String returned = UUID.randomUUID().toString();
        commands.sendAndWait(new DraftIntelReportCommand(returned, "CN-NNCC", content()));
        commands.sendAndWait(new SubmitIntelReportForReleaseCommand(returned, "CN-NNCC"));
        commands.sendAndWait(new ReturnIntelReportCommand(returned, "CN-NNCC", "cite the source"));
        commands.sendAndWait(new ReviseIntelReportDraftCommand(returned, "CN-NNCC", new IntelReportContent(
                "NPP shipments via Rotterdam", null, null, IntelCategory.TRAFFICKING_ROUTE, SourceReliability.B, 2,
                Tlp.RED, HandlingCode.H3, "not to customs", Set.of(), List.of(), List.of(), null)));
        golden.assertStoredAsGolden(returned, 2, "IntelReportReturnedEvent.1.json", "reportId");
        golden.assertStoredAsGolden(returned, 3, "IntelReportDraftRevisedEvent.1.json", "reportId");
    }

    @Test
    void readsAndHiddenHitsAreStoredAsTheirGoldenFiles() throws Exception {
        String report = UUID.randomUUID().toString();
        commands.sendAndWait(new DraftIntelReportCommand(report, "CN-NNCC", content()));
        commands.sendAndWait(new SubmitIntelReportForReleaseCommand(report, "CN-NNCC"));
        commands.sendAndWait(new ApproveIntelReportCommand(report, "CN-NNCC", "cn-supervisor-id"));
        awaitView(report);
        mvc.perform(get("/api/intel/reports/" + report).with(TestTokens.user("us.investigator", "US-DEA", "investigator")))
                .andExpect(status().isOk());
        assertLatestStoredAsGolden("io.jointops.api.intel.IntelReportReadEvent", report, "IntelReportReadEvent.1.json");
        mvc.perform(get("/api/intel/entities/search").param("type", "PHONE_NUMBER").param("value", "0086 10 1234 5678")
                        .with(TestTokens.user("gb.investigator", "GB-NCA", "investigator")))
                .andExpect(status().isOk());
        // the owner's notice is published off the search's request path (HiddenHitNotices): wait for it
        long deadline = System.currentTimeMillis() + 15_000;
        while (jdbc.sql("""
                        SELECT count(*) FROM eventstore.domain_event_entry
                         WHERE payload_type = 'io.jointops.api.intel.IntelEntityHiddenHitEvent'
                           AND position(convert_to(:id, 'UTF8') IN payload) > 0""")
                .param("id", report).query(Long.class).single() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertLatestStoredAsGolden("io.jointops.api.intel.IntelEntityHiddenHitEvent", null, "IntelEntityHiddenHitEvent.2.json");
    }

    @Test
    void takedownEventsAreStoredAsTheirGoldenFiles() throws Exception {
        commands.sendAndWait(new RequestTakedownCommand(T, "ExampleMarket", "HTTPS://Market.Example.com/listing/42",
                TakedownContentType.LISTING, "sale of fentanyl precursors",
                "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
                Instant.parse("2025-03-01T08:00:00Z"), "Art. 3 of the 1988 Convention", "CN-NNCC",
                Instant.parse("2025-03-01T09:00:00Z")));
        commands.sendAndWait(new RecordTakedownResponseCommand(T, "CN-NNCC", TakedownStatus.ACKNOWLEDGED, null,
                Instant.parse("2025-03-01T10:00:00Z")));
        commands.sendAndWait(new RecordTakedownResponseCommand(T, "CN-NNCC", TakedownStatus.REMOVED, null,
                Instant.parse("2025-03-01T15:00:00Z")));
        commands.sendAndWait(new ReportTakedownReappearanceCommand(T, "CN-NNCC", "market.example.com/listing/43",
                Instant.parse("2025-03-02T09:00:00Z")));
        commands.sendAndWait(new RecordTakedownResponseCommand(T, "CN-NNCC", TakedownStatus.REJECTED,
                "no local law violated", Instant.parse("2025-03-02T12:00:00Z")));
        String[] expected = {"TakedownRequestedEvent.1.json", "TakedownAcknowledgedEvent.1.json",
                "TakedownContentRemovedEvent.1.json", "TakedownContentReappearedEvent.1.json",
                "TakedownRejectedEvent.1.json"};
        for (int sequence = 0; sequence < expected.length; sequence++) {
            golden.assertStoredAsGolden(T, sequence, expected[sequence], "takedownId");
        }
    }

    @Test
    void goldenFilesOfEarlierRevisionsStillRead() {
        assertThat(golden.read("IntelReportSubmittedEvent.1.json", IntelReportSubmittedEvent.class, "1").ownerAgency())
                .isEqualTo("CN-NNCC");
        assertThat(golden.read("IntelReportDraftedEvent.1.json", IntelReportDraftedEvent.class, "1").content().entities())
                .extracting(IntelEntity::normalised).containsExactly("acme trading co ltd", "+861012345678");
        assertThat(golden.read("IntelReportLinkedToCaseEvent.2.json", IntelReportLinkedToCaseEvent.class, "2"))
                .isEqualTo(new IntelReportLinkedToCaseEvent(R, "case-a", "NPP shipments via Rotterdam", "DISSEMINATED"));
    }

    /**
     * A case link stored as revision 1 (before it carried the report's status) is read upcast in the report's history
     * and shown, as any link, to the linking agency alone: the policy decides on the upcast, typed event.
     */
    @Test
    void aLinkStoredAsRevision1IsShownUpcastToTheLinkingAgencyAlone() throws Exception {
        String report = UUID.randomUUID().toString();
        IntelReportContent toTwo = content();
        toTwo = new IntelReportContent(toTwo.title(), toTwo.summary(), toTwo.body(), toTwo.category(),
                toTwo.sourceReliability(), toTwo.informationCredibility(), toTwo.tlp(), toTwo.handlingCode(),
                toTwo.handlingRestriction(), Set.of("US-DEA", "GB-NCA"), toTwo.entities(), toTwo.relations(),
                toTwo.route());
        commands.sendAndWait(new DraftIntelReportCommand(report, "CN-NNCC", toTwo));
        commands.sendAndWait(new SubmitIntelReportForReleaseCommand(report, "CN-NNCC"));
        commands.sendAndWait(new ApproveIntelReportCommand(report, "CN-NNCC", "cn-supervisor-id"));
        awaitView(report);
        long link = golden.storeAsNext(report, "IntelReport", "IntelReportLinkedToCaseEvent.1.json",
                IntelReportLinkedToCaseEvent.class, "1", "reportId", Map.of("actor", "us.investigator", "agency", "US-DEA"));

        mvc.perform(get("/api/intel/reports/" + report + "/history")
                        .with(TestTokens.user("us.investigator", "US-DEA", "investigator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events[*].type", contains("IntelReportDisseminatedEvent",
                        "IntelReportLinkedToCaseEvent")))
                .andExpect(jsonPath("$.events[1].sequence", is((int) link)))
                .andExpect(jsonPath("$.events[1].revision", is("2")))
                .andExpect(jsonPath("$.events[1].payload.status", is("DISSEMINATED")))
                .andExpect(jsonPath("$.events[1].payload.caseId", is("case-a")));
        mvc.perform(get("/api/intel/reports/" + report + "/history")
                        .with(TestTokens.user("gb.investigator", "GB-NCA", "investigator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events[*].type", contains("IntelReportDisseminatedEvent")))
                .andExpect(MockMvcResultMatchers.content().string(not(containsString("case-a"))));
    }

    private void assertLatestStoredAsGolden(String type, String reportId, String file) throws Exception {
        byte[] stored = jdbc.sql("""
                        SELECT payload FROM eventstore.domain_event_entry WHERE payload_type = :type
                         ORDER BY global_index DESC LIMIT 1""")
                .param("type", type).query(byte[].class).single();
        golden.assertPayloadAsGolden(stored, type, file, "reportId", reportId);
    }

    private List<String> revisions(String aggregateId) {
        return jdbc.sql("SELECT payload_revision FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregateId).query(String.class).list();
    }

    private void awaitView(String reportId) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            Long version = jdbc.sql("SELECT version FROM intel.intel_report_view WHERE report_id = :id")
                    .param("id", reportId).query(Long.class).optional().orElse(-1L);
            if (version >= 3) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the view did not catch up with " + reportId);
    }
}

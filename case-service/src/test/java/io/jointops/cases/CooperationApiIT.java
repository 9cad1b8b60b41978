package io.jointops.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.cases.CaseActor;
import io.jointops.api.cases.CooperationRequestSentEvent;
import io.jointops.api.cases.CooperationRequestType;
import io.jointops.api.cases.LegalBasis;
import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.ProposeCaseLeadCommand;
import io.jointops.api.cases.RecordLinkedItemCommand;
import io.jointops.api.cases.RequestPriority;
import io.jointops.api.cases.SharedItemRef;
import io.jointops.api.chemicals.LinkIncidentToCaseCommand;
import io.jointops.platform.test.GoldenEvents;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Cases, cooperation requests and case leads through the API of one case-service on a real PostgreSQL. The urgent
 * evidence-request window is shortened to seconds so that the legal clock runs out during the test.
 */
@SpringBootTest(properties = {"jointops.cooperation.response-time.evidence-request.urgent=6s",
        "jointops.cooperation.reminder-before.urgent=4s", "jointops.cooperation.escalate-after.urgent=2s",
        "db-scheduler.polling-interval=500ms"})
@AutoConfigureMockMvc
@DirtiesContext
@Import(GoldenEvents.class)
class CooperationApiIT {

    private static final RequestPostProcessor CN = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
    private static final RequestPostProcessor CN_SUPERVISOR = TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor", "investigator");
    private static final RequestPostProcessor US = TestTokens.user("us.investigator", "US-DEA", "investigator");
    private static final RequestPostProcessor MX = TestTokens.user("mx.investigator", "MX-FGR", "investigator");
    private static final RequestPostProcessor AUDITOR = TestTokens.user("auditor", "JOINT-AUDIT", "auditor");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "case-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    CommandGateway commands;
    @Autowired
    CommandBus commandBus;
    @Autowired
    GoldenEvents golden;

    @Test
    void aRequestWithinACaseRunsFromSentToAnsweredAndOnlyItsTwoAgenciesSeeIt() throws Exception {
        String caseId = openCase(List.of("US-DEA"));
        mvc.perform(put("/api/cases/" + caseId + "/tags").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tags\":[\"npp\",\"fentanyl\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tags[0]", is("fentanyl")));
        // MX-FGR does not take part: the request is refused as bad input naming the field
        mvc.perform(post("/api/cases/cooperation-requests").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(request(caseId, "MX-FGR", "INFORMATION_REQUEST", "ROUTINE")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("receivingAgency")));
        mvc.perform(post("/api/cases/cooperation-requests").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(request(caseId, "US-DEA", "INFORMATION_REQUEST", "SOMETIMES")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("priority")));
        // us.investigator is no member and no supervisor: may not send within the case
        mvc.perform(post("/api/cases/cooperation-requests").with(US).contentType(MediaType.APPLICATION_JSON)
                        .content(request(caseId, "CN-NNCC", "INFORMATION_REQUEST", "ROUTINE")))
                .andExpect(status().isForbidden());

        // attachments: only items linked to the case (their owning service confirmed every agency of it may see them)
        mvc.perform(post("/api/cases/cooperation-requests").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(request(caseId, "US-DEA", "INFORMATION_REQUEST", "ROUTINE")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field", is("attachments[0]")))
                .andExpect(jsonPath("$.errors[0].detail", containsString("not linked to case")));
        // as intel-service's confirmation would, through the integration layer
        commands.sendAndWait(new RecordLinkedItemCommand(caseId, LinkedItemType.INTEL_REPORT, "r-1", "NPP consignee report"));
        awaitLinked(caseId, 1);
        mvc.perform(post("/api/cases/cooperation-requests").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(request(caseId, "US-DEA", "INFORMATION_REQUEST", "ROUTINE",
                                "{\"itemType\":\"INTEL_REPORT\",\"itemId\":\"r-1\"}",
                                "{\"itemType\":\"SHIPMENT\",\"itemId\":\"r-1\"}")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("attachments[1]")));
        mvc.perform(get("/api/cases/cooperation-requests/outbox").with(CN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].caseId", not(hasItem(caseId))));

        Instant before = Instant.now();
        String location = mvc.perform(post("/api/cases/cooperation-requests").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(request(caseId, "US-DEA", "INFORMATION_REQUEST", "ROUTINE")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("SENT")))
                .andExpect(jsonPath("$.legalBasis.reference", is("CN-US MLAA Art. 1")))
                .andExpect(jsonPath("$.attachments[0].itemType", is("INTEL_REPORT")))
                .andReturn().getResponse().getHeader("Location");
        String requestId = location.substring(location.lastIndexOf('/') + 1);
        JsonNode sent = read(get(location).with(US));
        // routine information request: 30 days, reminded 3 days before, escalated 5 days after
        Instant due = Instant.parse(sent.path("responseDue").asText());
        assertThat(due).isBetween(before.plus(java.time.Duration.ofDays(30)), Instant.now().plus(java.time.Duration.ofDays(30)));
        assertThat(Instant.parse(sent.path("remindAt").asText())).isEqualTo(due.minus(java.time.Duration.ofDays(3)));
        assertThat(Instant.parse(sent.path("escalateAt").asText())).isEqualTo(due.plus(java.time.Duration.ofDays(5)));

        mvc.perform(get(location).with(MX)).andExpect(status().isNotFound());
        mvc.perform(get(location + "/history").with(MX)).andExpect(status().isNotFound());
        mvc.perform(post(location + "/acknowledge").with(MX)).andExpect(status().isNotFound());
        mvc.perform(get("/api/cases/cooperation-requests/inbox").with(US))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem(requestId)));
        mvc.perform(get("/api/cases/cooperation-requests/inbox").with(MX))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", not(hasItem(requestId))));
        mvc.perform(get("/api/cases/cooperation-requests/outbox").with(CN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem(requestId)));

        mvc.perform(post(location + "/acknowledge").with(US)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\"")).andExpect(jsonPath("$.status", is("ACKNOWLEDGED")));
        mvc.perform(post(location + "/acknowledge").with(US)).andExpect(status().isConflict());
        Instant acknowledged = Instant.now();
        mvc.perform(post(location + "/answers").with(US).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"Part one\",\"complete\":false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("PARTIALLY_ANSWERED")));
        mvc.perform(post(location + "/answers").with(US).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\" \",\"complete\":true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("answer")));
        mvc.perform(post(location + "/answers").with(US).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"All of it\",\"complete\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("ANSWERED")))
                .andExpect(jsonPath("$.answers.length()", is(2)));
        mvc.perform(post(location + "/withdraw").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"late\"}"))
                .andExpect(status().isConflict());

        // as of an instant, folded from its events; now equals the live view
        mvc.perform(get(location).param("asOf", acknowledged.toString()).with(CN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("ACKNOWLEDGED")));
        String live = mvc.perform(get(location).with(CN)).andReturn().getResponse().getContentAsString();
        String rebuilt = mvc.perform(get(location).param("asOf", Instant.now().toString()).with(CN))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(rebuilt)).isEqualTo(json.readTree(live));
        mvc.perform(get(location + "/history").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.events.length()", is(4)))
                .andExpect(jsonPath("$.events[1].type", is("CooperationRequestAcknowledgedEvent")))
                .andExpect(jsonPath("$.events[1].actor", is("us.investigator")));

        golden.assertStoredAsGolden(requestId, 1, "CooperationRequestAcknowledgedEvent.1.json", "requestId");

        mvc.perform(get("/api/cases/" + caseId + "/timeline").with(US)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].type", hasItem("CooperationRequestAnsweredEvent")))
                .andExpect(jsonPath("$[*].type", hasItem("CaseTagsSetEvent")));
        mvc.perform(get("/api/cases").param("tag", "npp").param("status", "OPENED").param("q", "kestrel")
                        .param("agency", "US-DEA").with(CN))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem(caseId)));
        mvc.perform(get("/api/cases").param("sort", "colour,asc").with(CN))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("sort")));
    }

    @Test
    void everyGoldenEventIsReadAsTheEventItRecords() {
        String r = "8a0c6a55-2f43-4bd4-9c55-6a0e2f7f9d01";
        Instant due = Instant.parse("2030-01-04T00:00:00Z");
        java.util.Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("CaseActivatedEvent", new io.jointops.api.cases.CaseActivatedEvent("case-a"));
        expected.put("CaseSuspendedEvent", new io.jointops.api.cases.CaseSuspendedEvent("case-a", "Awaiting lab results"));
        expected.put("CaseClosedEvent", new io.jointops.api.cases.CaseClosedEvent("case-a", io.jointops.api.cases.ClosingReason.PROSECUTED, "Charged"));
        expected.put("CaseReopenedEvent", new io.jointops.api.cases.CaseReopenedEvent("case-a", "New evidence"));
        expected.put("CaseTagsSetEvent", new io.jointops.api.cases.CaseTagsSetEvent("case-a", List.of("fentanyl", "npp")));
        expected.put("CaseMemberAddedEvent", new io.jointops.api.cases.CaseMemberAddedEvent("case-a", "us.investigator", "US-DEA", io.jointops.api.cases.CaseRole.LIAISON));
        expected.put("CaseMemberRemovedEvent", new io.jointops.api.cases.CaseMemberRemovedEvent("case-a", "us.investigator", "US-DEA"));
        expected.put("CaseTaskAddedEvent", new io.jointops.api.cases.CaseTaskAddedEvent("case-a", "t-1", "Trace consignee", "us.investigator", java.time.LocalDate.of(2030, 1, 31)));
        expected.put("CaseTaskStatusChangedEvent", new io.jointops.api.cases.CaseTaskStatusChangedEvent("case-a", "t-1", io.jointops.api.cases.CaseTaskStatus.DONE));
        expected.put("CaseNoteAddedEvent", new io.jointops.api.cases.CaseNoteAddedEvent("case-a", "n-1", "Informant says", io.jointops.api.shared.Tlp.RED, "us.investigator", "US-DEA"));
        expected.put("CaseLinkedItemUpdatedEvent", new io.jointops.api.cases.CaseLinkedItemUpdatedEvent("case-a", LinkedItemType.SHIPMENT, "s-1", "Shipment", "SEIZED", "ShipmentSeizedEvent"));
        expected.put("CooperationRequestSentEvent", new CooperationRequestSentEvent(r, "case-a", "CN-NNCC", "US-DEA",
                CooperationRequestType.INFORMATION_REQUEST, new LegalBasis("Mutual legal assistance", "CN-US MLAA Art. 1"),
                RequestPriority.URGENT, "Who consigned the NPP?", List.of(new SharedItemRef(LinkedItemType.INTEL_REPORT, "r-1")),
                due, Instant.parse("2030-01-03T12:00:00Z"), Instant.parse("2030-01-05T00:00:00Z"), "cn.investigator"));
        expected.put("CooperationRequestAcknowledgedEvent", new io.jointops.api.cases.CooperationRequestAcknowledgedEvent(r, "us.investigator", "US-DEA"));
        expected.put("CooperationRequestAnsweredEvent", new io.jointops.api.cases.CooperationRequestAnsweredEvent(r, "Part one", false, List.of(), "us.investigator", "US-DEA"));
        expected.put("CooperationRequestDeclinedEvent", new io.jointops.api.cases.CooperationRequestDeclinedEvent(r, "Outside our remit", "us.investigator", "US-DEA"));
        expected.put("CooperationRequestWithdrawnEvent", new io.jointops.api.cases.CooperationRequestWithdrawnEvent(r, "Solved", "cn.investigator", "CN-NNCC"));
        expected.put("CooperationRequestReminderIssuedEvent", new io.jointops.api.cases.CooperationRequestReminderIssuedEvent(r, "US-DEA", due));
        expected.put("CooperationRequestOverdueEvent", new io.jointops.api.cases.CooperationRequestOverdueEvent(r, "US-DEA", due));
        expected.put("CooperationRequestEscalatedEvent", new io.jointops.api.cases.CooperationRequestEscalatedEvent(r, "US-DEA", "supervisor", due));
        expected.put("CaseLeadProposedEvent", new io.jointops.api.cases.CaseLeadProposedEvent("lead-a", LinkedItemType.INCIDENT, "inc-1", "Seizure of NPP", "CN-NNCC", List.of("CN-NNCC", "US-DEA"), "Table I precursor seized"));
        expected.put("CaseLeadAcceptedEvent", new io.jointops.api.cases.CaseLeadAcceptedEvent("lead-a", "case-a", "Seizure of NPP", "Table I precursor seized", io.jointops.api.shared.Tlp.AMBER, io.jointops.api.shared.HandlingCode.H1, "CN-NNCC", List.of("US-DEA"), LinkedItemType.INCIDENT, "inc-1", "cn.supervisor"));
        expected.put("CaseLeadDismissedEvent", new io.jointops.api.cases.CaseLeadDismissedEvent("lead-a", "Known route", "cn.supervisor"));
        expected.forEach((name, event) ->
                assertThat(golden.read(name + ".1.json", event.getClass(), "1")).as(name).isEqualTo(event));
    }

    @Test
    void anUnansweredUrgentEvidenceRequestIsRemindedTurnsOverdueAndIsEscalated() throws Exception {
        // without a case no item may be attached: case-service cannot tell whether US-DEA may see it
        mvc.perform(post("/api/cases/cooperation-requests").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(request(null, "US-DEA", "EVIDENCE_REQUEST", "URGENT")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("attachments[0]")))
                .andExpect(jsonPath("$.errors[0].detail", containsString("belongs to no case")));
        String location = mvc.perform(post("/api/cases/cooperation-requests").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(request(null, "US-DEA", "EVIDENCE_REQUEST", "URGENT", new String[0])))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String requestId = location.substring(location.lastIndexOf('/') + 1);
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode view = read(get(location).with(US));
        while (!view.path("escalated").asBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            view = read(get(location).with(US));
        }
        JsonNode history = read(get(location + "/history").with(US));
        List<String> types = new java.util.ArrayList<>();
        history.path("events").forEach(event -> types.add(event.path("type").asText()));
        assertThat(types).containsExactly("CooperationRequestSentEvent",
                "CooperationRequestReminderIssuedEvent", "CooperationRequestOverdueEvent", "CooperationRequestEscalatedEvent");
        assertThat(view.path("reminded").asBoolean()).as(view.toString()).isTrue();
        assertThat(view.path("overdue").asBoolean()).isTrue();
        assertThat(view.path("escalated").asBoolean()).isTrue();
        mvc.perform(get("/api/cases/cooperation-requests/overdue").with(US))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem(requestId)));
        mvc.perform(get("/api/cases/cooperation-requests/overdue").with(MX))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", not(hasItem(requestId))));
    }

    @Test
    void aSupervisorOfTheProposingAgencyAcceptsALeadAndACaseOpensWithThePartners() throws Exception {
        String leadId = UUID.randomUUID().toString();
        ProposeCaseLeadCommand propose = new ProposeCaseLeadCommand(leadId, LinkedItemType.INCIDENT, "inc-" + leadId,
                "Seizure of NPP at the port", "CN-NNCC", Set.of("US-DEA"), "Table I precursor seized");
        commands.sendAndWait(propose);
        commands.sendAndWait(propose); // redelivered: ignored
        String location = "/api/cases/leads/" + leadId;
        JsonNode lead = awaitLead(location);
        assertThat(lead.path("status").asText()).isEqualTo("PROPOSED");
        assertThat(lead.path("agencies").toString()).contains("CN-NNCC", "US-DEA");
        mvc.perform(get(location).with(MX)).andExpect(status().isNotFound());
        mvc.perform(get("/api/cases/leads").param("itemId", "inc-" + leadId).with(US))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].leadId", is(leadId)));
        mvc.perform(post(location + "/accept").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(location + "/accept").with(TestTokens.user("us.supervisor", "US-DEA", "supervisor"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isForbidden());
        // the owning service (chemical-service, not here) fails the first link request: the request is retried
        List<LinkIncidentToCaseCommand> linkRequests = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        commandBus.subscribe(LinkIncidentToCaseCommand.class.getName(), message -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("chemical-service is restarting");
            }
            linkRequests.add((LinkIncidentToCaseCommand) message.getPayload());
            return null;
        });
        String caseLocation = mvc.perform(post(location + "/accept").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("ACCEPTED")))
                .andExpect(jsonPath("$.decidedBy", is("cn.supervisor")))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get(caseLocation).with(US)).andExpect(status().isOk())
                .andExpect(jsonPath("$.leadAgency", is("CN-NNCC")))
                .andExpect(jsonPath("$.partnerAgencies[0]", is("US-DEA")))
                .andExpect(jsonPath("$.title", is("Seizure of NPP at the port")))
                .andExpect(jsonPath("$.openedBy", is("cn.supervisor")));
        Instant deadline = Instant.now().plusSeconds(60);
        while (linkRequests.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        String caseId = caseLocation.substring(caseLocation.lastIndexOf('/') + 1);
        assertThat(attempts.get()).as("a failed link request is retried").isGreaterThanOrEqualTo(2);
        assertThat(linkRequests).extracting(LinkIncidentToCaseCommand::incidentId, LinkIncidentToCaseCommand::caseId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("inc-" + leadId, caseId));
        assertThat(linkRequests.get(0).caseAgencies()).containsExactlyInAnyOrder("CN-NNCC", "US-DEA");
        mvc.perform(post(location + "/dismiss").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"late\"}"))
                .andExpect(status().isConflict());
    }

    private JsonNode awaitLead(String location) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            var response = mvc.perform(get(location).with(CN)).andReturn().getResponse();
            if (response.getStatus() == 200 || Instant.now().isAfter(deadline)) {
                assertThat(response.getStatus()).isEqualTo(200);
                return json.readTree(response.getContentAsString());
            }
            Thread.sleep(100);
        }
    }

    private String openCase(List<String> partners) throws Exception {
        String location = mvc.perform(post("/api/cases").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(java.util.Map.of("title", "Operation Kestrel", "summary", "NPP",
                                "partnerAgencies", partners, "tlp", "TLP:AMBER", "handlingCode", "H1"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String request(String caseId, String receiving, String type, String priority) {
        return request(caseId, receiving, type, priority, "{\"itemType\":\"INTEL_REPORT\",\"itemId\":\"r-1\"}");
    }

    private static String request(String caseId, String receiving, String type, String priority, String... attachments) {
        return """
                {%s"receivingAgency":"%s","type":"%s","priority":"%s",
                 "legalBasis":{"text":"Mutual legal assistance","reference":"CN-US MLAA Art. 1"},
                 "question":"Who consigned the NPP?","attachments":[%s]}"""
                .formatted(caseId == null ? "" : "\"caseId\":\"" + caseId + "\",", receiving, type, priority,
                        String.join(",", attachments));
    }

    private void awaitLinked(String caseId, int items) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (read(get("/api/cases/" + caseId).with(CN)).path("linkedItems").size() < items) {
            assertThat(Instant.now()).as("the case view shows the linked item").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private JsonNode read(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

}

package io.jointops.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.cases.CaseNoteAddedEvent;
import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.RecordLinkedItemCommand;
import io.jointops.platform.test.GoldenEvents;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15: an item of agency A linked to agency B's case became visible (title, status, history, timeline) to a third
 * agency that B added later, without A releasing it. The owning service confirms a link for the agencies the case has
 * then; an agency added later sees the case, not that item, wherever the case is read. And the case's events are
 * shown through its one visibility policy on the typed events as the event store reads them (also a revision stored
 * long ago), with global positions for auditors only.
 */
@SpringBootTest
@DirtiesContext
@AutoConfigureMockMvc
@Import(GoldenEvents.class)
class CaseLinkVisibilityIT {

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
    GoldenEvents golden;

    /**
     * A TLP:RED note of US-DEA as stored by the first version (the golden revision 1): withheld from CN-NNCC in the
     * history (its place kept) and left out of CN-NNCC's timeline, shown to US-DEA and auditors. No reader of an agency
     * is answered a global position; auditors are.
     */
    @Test
    void aRedNoteStoredAsRevision1IsWithheldFromOtherAgenciesAndOnlyAuditorsSeeGlobalPositions() throws Exception {
        String location = mvc.perform(post("/api/cases").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Operation Kestrel\",\"partnerAgencies\":[\"US-DEA\"],\"tlp\":\"TLP:AMBER\","
                                + "\"handlingCode\":\"H1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        long sequence = golden.storeAsNext(caseId, "JointCase", "CaseNoteAddedEvent.1.json", CaseNoteAddedEvent.class,
                "1", "caseId", Map.of("actor", "us.investigator", "agency", "US-DEA"));
        assertThat(sequence).isEqualTo(1);

        mvc.perform(get(location + "/history").with(CN_SUPERVISOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalEvents", is(2)))
                .andExpect(jsonPath("$.events[1].type", is("CaseNoteAddedEvent")))
                .andExpect(jsonPath("$.events[1].sequence", is(1)))
                .andExpect(jsonPath("$.events[1].payload.withheld", is(true)))
                .andExpect(jsonPath("$.events[1].payload.noteId", is("n-1")))
                .andExpect(jsonPath("$.events[1].payload.caseId", is(caseId)))
                .andExpect(content().string(not(containsString("Informant says"))))
                .andExpect(content().string(not(containsString("globalPosition"))));
        mvc.perform(get(location + "/timeline").with(CN_SUPERVISOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].type", contains("CaseOpenedEvent")))
                .andExpect(content().string(not(containsString("Informant says"))))
                .andExpect(content().string(not(containsString("globalPosition"))));

        mvc.perform(get(location + "/history").with(US)).andExpect(status().isOk())
                .andExpect(jsonPath("$.events[1].payload.text", is("Informant says")))
                .andExpect(jsonPath("$.events[1].payload.tlp", is("TLP:RED")))
                .andExpect(content().string(not(containsString("globalPosition"))));
        mvc.perform(get(location + "/timeline").with(US)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].type", contains("CaseOpenedEvent", "CaseNoteAddedEvent")))
                .andExpect(content().string(not(containsString("globalPosition"))));

        JsonNode audited = json.readTree(mvc.perform(get(location + "/history").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.events[1].payload.text", is("Informant says")))
                .andReturn().getResponse().getContentAsString());
        assertThat(audited.path("events").get(1).path("globalPosition").asLong())
                .isGreaterThan(audited.path("events").get(0).path("globalPosition").asLong()).isPositive();
        mvc.perform(get(location + "/timeline").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$[1].globalPosition", is(audited.path("events").get(1).path("globalPosition").asInt())));
    }

    @Test
    void anItemLinkedBeforeAnAgencyJoinedStaysHiddenFromIt() throws Exception {
        String title = "US-DEA source report " + System.nanoTime();
        String location = mvc.perform(post("/api/cases").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Operation Heron\",\"partnerAgencies\":[\"US-DEA\"],\"tlp\":\"TLP:AMBER\","
                                + "\"handlingCode\":\"H1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        // US-DEA's report, confirmed by intel-service for CN-NNCC and US-DEA (as its link event would, through the
        // integration layer), then a status change
        commands.sendAndWait(new RecordLinkedItemCommand(caseId, LinkedItemType.INTEL_REPORT, "us-report-1", title));
        awaitLinkedItems(location, CN_SUPERVISOR, 1);
        mvc.perform(post(location + "/partners").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agency\":\"MX-FGR\"}"))
                .andExpect(status().isOk())
                // the lead agency's own answer still shows the item
                .andExpect(jsonPath("$.linkedItems[0].id", is("us-report-1")));

        // MX-FGR sees the case, but nothing of the item: not in the case, a list, the history, the timeline, asOf
        for (String read : List.of(location, location + "/history", location + "/timeline",
                location + "?asOf=" + Instant.now(), "/api/cases?size=100", "/api/cases?size=100&q=Heron&sort=title,asc")) {
            mvc.perform(get(read).with(MX)).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(title))))
                    .andExpect(content().string(not(containsString("us-report-1"))));
        }
        mvc.perform(get(location).with(MX)).andExpect(jsonPath("$.linkedItems.length()", is(0)))
                .andExpect(jsonPath("$.partnerAgencies", hasItem("MX-FGR")));
        mvc.perform(get(location + "/history").with(MX))
                .andExpect(jsonPath("$.events[1].type", is("CaseItemLinkedEvent")))
                .andExpect(jsonPath("$.events[1].payload.withheld", is(true)));

        // the agencies it was linked for, and auditors, still see it everywhere
        for (RequestPostProcessor reader : List.of(US, CN_SUPERVISOR, AUDITOR)) {
            for (String read : List.of(location, location + "/history", location + "/timeline")) {
                mvc.perform(get(read).with(reader)).andExpect(status().isOk())
                        .andExpect(content().string(containsString(title)));
            }
        }
        mvc.perform(get(location).with(US)).andExpect(jsonPath("$.linkedItems[0].visibleTo[*]",
                org.hamcrest.Matchers.contains("CN-NNCC", "US-DEA")));

        // nor is it attached to a request to MX-FGR: its owner never confirmed MX-FGR may see it
        mvc.perform(post("/api/cases/cooperation-requests").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                        .content(request(caseId, "MX-FGR")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("attachments[0]")));
        mvc.perform(post("/api/cases/cooperation-requests").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                        .content(request(caseId, "US-DEA")))
                .andExpect(status().isCreated());
    }

    private static String request(String caseId, String receiving) {
        return """
                {"caseId":"%s","receivingAgency":"%s","type":"INFORMATION_REQUEST","priority":"ROUTINE",
                 "legalBasis":{"text":"Mutual legal assistance","reference":"MLAA Art. 1"},
                 "question":"Who consigned the NPP?","attachments":[{"itemType":"INTEL_REPORT","itemId":"us-report-1"}]}"""
                .formatted(caseId, receiving);
    }

    private void awaitLinkedItems(String location, RequestPostProcessor reader, int items) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            JsonNode view = json.readTree(mvc.perform(get(location).with(reader)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            if (view.path("linkedItems").size() >= items) {
                return;
            }
            assertThat(Instant.now()).as("the case view shows the linked item").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}

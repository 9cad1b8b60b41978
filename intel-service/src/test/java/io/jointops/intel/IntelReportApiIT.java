package io.jointops.intel;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.jointops.platform.test.ApiDocumentRules;

import static io.jointops.platform.test.AsOfChecks.assertAsOfMatchesLive;
import static io.jointops.platform.test.ItemVisibility.assertAuditorReads;
import static io.jointops.platform.test.ItemVisibility.assertListedFor;
import static io.jointops.platform.test.ItemVisibility.assertMissingFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The intelligence API of one intel-service on a real PostgreSQL; tokens are shaped like the realm's. */
@SpringBootTest
@DirtiesContext
@AutoConfigureMockMvc
class IntelReportApiIT {

    static final RequestPostProcessor CN = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
    static final RequestPostProcessor CN_SUPERVISOR = TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor");
    static final RequestPostProcessor US = TestTokens.user("us.investigator", "US-DEA", "investigator");
    static final RequestPostProcessor MX = TestTokens.user("mx.investigator", "MX-FGR", "investigator");
    static final RequestPostProcessor GB = TestTokens.user("gb.investigator", "GB-NCA", "investigator");
    static final RequestPostProcessor AUDITOR = TestTokens.user("auditor", "JOINT-AUDIT", "auditor");

    static final String REPORT = """
            {"title":"NPP shipments via Rotterdam","summary":"Broker pattern","category":"TRAFFICKING_ROUTE",
             "sourceReliability":"B","informationCredibility":2,"releasedTo":["US-DEA"],"tlp":"%s","handlingCode":"H2",
             "entities":[{"entityId":"e1","type":"PHONE_NUMBER","value":"%s"},
                         {"entityId":"e2","type":"ORGANISATION","value":"ACME Trading Co., Ltd."}],
             "relations":[{"from":"e2","kind":"USES","to":"e1"}],
             "route":{"waypoints":[{"place":"Tianjin","country":"CN","transportMode":"SEA","concealmentMethod":"machine parts"},
                                   {"place":"Rotterdam","country":"NL","transportMode":"ROAD"}],
                      "substances":["NPP"],"firstSeen":"2025-01-01","lastSeen":"2025-06-01"}}""";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "intel-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Scheduler scheduler;

    @Test
    void aDraftIsTheOwnersUntilASupervisorApprovesItThenOnwardDisseminationNeedsConsent() throws Exception {
        String location = draft("TLP:AMBER", "+86 10 5555 0101");
        mvc.perform(get(location).with(CN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("DRAFT")))
                .andExpect(jsonPath("$.entities[0].normalised", is("+861055550101")))
                .andExpect(jsonPath("$.route.waypoints[1].country", is("NL")));
        assertMissingFor(mvc, location, US);

        mvc.perform(post(location + "/submission").with(CN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("SUBMITTED_FOR_RELEASE")));
        assertMissingFor(mvc, location, US);
        // an investigator is no supervisor; a supervisor of another agency does not even see the report
        mvc.perform(post(location + "/approval").with(CN)).andExpect(status().isForbidden());
        mvc.perform(post(location + "/approval").with(TestTokens.user("us.supervisor", "US-DEA", "supervisor")))
                .andExpect(status().isNotFound());
        mvc.perform(post(location + "/approval").with(CN_SUPERVISOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("DISSEMINATED")))
                .andExpect(header().string("ETag", "\"3\""));

        mvc.perform(get(location).with(US)).andExpect(status().isOk())
                .andExpect(jsonPath("$.title", is("NPP shipments via Rotterdam")));
        assertListedFor(mvc, location, US);
        assertAuditorReads(mvc, location);
        assertAsOfMatchesLive(mvc, location, US);
        assertMissingFor(mvc, location, MX);

        // a non-owner cannot widen the release
        mvc.perform(post(location + "/release").with(US).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agencies\":[\"MX-FGR\"]}"))
                .andExpect(status().isForbidden());
        assertMissingFor(mvc, location, MX);

        String request = mvc.perform(post(location + "/onward-requests").with(US).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"toAgency\":\"MX-FGR\",\"justification\":\"joint operation\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.onwardRequests[0].status", is("PENDING")))
                .andReturn().getResponse().getHeader("Location");
        assertMissingFor(mvc, location, MX);
        mvc.perform(post(request + "/decision").with(US).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consent\":true}"))
                .andExpect(status().isForbidden());
        // consent widens the release: not the investigator who wrote the report (issue 15), but a supervisor of the
        // owner agency who did not write it (here the one who approved the first release)
        long before = eventsOf(location);
        mvc.perform(post(request + "/decision").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consent\":true}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("four-eyes")));
        assertThat(eventsOf(location)).isEqualTo(before);
        assertMissingFor(mvc, location, MX);
        mvc.perform(post(request + "/decision").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consent\":true,\"comment\":\"for the operation only\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.releasedTo", contains("MX-FGR", "US-DEA")))
                .andExpect(jsonPath("$.onwardRequests[0].status", is("CONSENTED")));
        mvc.perform(get(location).with(MX)).andExpect(status().isOk());

        // feedback reaches the owner; a receiving agency sees only its own
        mvc.perform(post(location + "/feedback").with(MX).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"CONFIRMED\",\"comment\":\"seized 200 kg\"}"))
                .andExpect(status().isOk());
        mvc.perform(get(location).with(CN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.feedback[0].agency", is("MX-FGR")))
                .andExpect(jsonPath("$.feedback[0].kind", is("CONFIRMED")));
        mvc.perform(get(location).with(US)).andExpect(status().isOk())
                .andExpect(jsonPath("$.feedback", empty()));

        // the read log: owner agency and auditors only
        mvc.perform(get(location + "/reads").with(US)).andExpect(status().isForbidden());
        // the reads are logged asynchronously: wait for the last one asserted below (MX-FGR's), not for a count
        awaitRead(location, "mx.investigator");
        mvc.perform(get(location + "/reads?size=1000").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].user", hasItem("mx.investigator")))
                .andExpect(jsonPath("$.items[*].agency", hasItem("MX-FGR")))
                .andExpect(jsonPath("$.items[0].at", not(nullValue())));

        // regrading keeps every grade
        mvc.perform(post(location + "/grading").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sourceReliability\":\"A\",\"informationCredibility\":1,\"reason\":\"seizure\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grading", is("A1")))
                .andExpect(jsonPath("$.grades[*].grading", contains("B2", "A1")));

        mvc.perform(post(location + "/withdrawal").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"source withdrew\"}"))
                .andExpect(status().isOk());
        mvc.perform(get(location).with(US)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("WITHDRAWN")))
                .andExpect(jsonPath("$.withdrawalReason", is("source withdrew")));
        mvc.perform(get(location + "/history").with(CN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.events[0].type", is("IntelReportDraftedEvent")))
                .andExpect(jsonPath("$.events[0].actor", is("cn.investigator")))
                .andExpect(jsonPath("$.events[2].actor", is("cn.supervisor")));
    }

    @Test
    void aRecipientReadsTheHistoryOfAReportFromItsReleaseToItOnAndOnlyWhatConcernsIt() throws Exception {
        String location = draft("TLP:AMBER", "+86 10 5555 0505");
        Instant drafting = Instant.now();
        mvc.perform(post(location + "/submission").with(CN)).andExpect(status().isOk());
        mvc.perform(post(location + "/return").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comments\":\"name the informant's handler\"}")).andExpect(status().isOk());
        mvc.perform(put(location).with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.formatted("TLP:AMBER", "+86 10 5555 0505").replace("Broker pattern", "Broker pattern, revised")))
                .andExpect(status().isOk());
        mvc.perform(post(location + "/submission").with(CN)).andExpect(status().isOk());
        mvc.perform(post(location + "/approval").with(CN_SUPERVISOR)).andExpect(status().isOk());
        Thread.sleep(5);
        Instant disseminated = Instant.now();
        Thread.sleep(5);
        mvc.perform(post(location + "/feedback").with(US).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"CONFIRMED\",\"comment\":\"seized 200 kg\"}")).andExpect(status().isOk());
        mvc.perform(post(location + "/release").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                .content("{\"agencies\":[\"GB-NCA\"]}")).andExpect(status().isOk());
        mvc.perform(post(location + "/feedback").with(GB).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"FALSE_POSITIVE\",\"comment\":\"wrong vessel\"}")).andExpect(status().isOk());
        String refused = mvc.perform(post(location + "/onward-requests").with(GB).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"toAgency\":\"FR-OFAST\",\"justification\":\"port of Le Havre\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(post(refused + "/decision").with(CN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"consent\":false,\"comment\":\"source at risk\"}")).andExpect(status().isOk());
        String consented = mvc.perform(post(location + "/onward-requests").with(US).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"toAgency\":\"MX-FGR\",\"justification\":\"joint operation\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(post(consented + "/decision").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                .content("{\"consent\":true}")).andExpect(status().isOk());
        mvc.perform(post(location + "/grading").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sourceReliability\":\"A\",\"informationCredibility\":1,\"reason\":\"seizure\"}"))
                .andExpect(status().isOk());
        mvc.perform(post(location + "/withdrawal").with(CN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"source withdrew\"}")).andExpect(status().isOk());

        // US-DEA: from the dissemination on, its own feedback and request with the owner's consent and the widening
        // it caused, the re-grading and the withdrawal; no draft, no return comments, nothing of GB-NCA's
        mvc.perform(get(location + "/history").with(US)).andExpect(status().isOk())
                .andExpect(jsonPath("$.events[*].type", contains("IntelReportDisseminatedEvent",
                        "IntelReportFeedbackGivenEvent", "OnwardDisseminationRequestedEvent",
                        "OnwardDisseminationConsentedEvent", "IntelReportReleaseWidenedEvent", "IntelReportRegradedEvent",
                        "IntelReportWithdrawnEvent")))
                .andExpect(jsonPath("$.totalEvents", is(7)))
                .andExpect(jsonPath("$.events[0].actor", is("cn.supervisor")))
                .andExpect(jsonPath("$.events[1].payload.agency", is("US-DEA")))
                .andExpect(jsonPath("$.events[4].payload.addedAgencies", contains("MX-FGR")))
                .andExpect(content().string(not(containsString("informant"))))
                .andExpect(content().string(not(containsString("wrong vessel"))))
                .andExpect(content().string(not(containsString("FR-OFAST"))))
                .andExpect(content().string(not(containsString("Broker pattern"))))
                // no global positions for an agency's reader: their gaps would tell how much happened elsewhere
                .andExpect(content().string(not(containsString("globalPosition"))))
                .andExpect(jsonPath("$.events[0].sequence", is(6)));
        mvc.perform(get(location + "/history?page=1&size=2").with(US)).andExpect(status().isOk())
                .andExpect(jsonPath("$.events[*].type", contains("OnwardDisseminationRequestedEvent",
                        "OnwardDisseminationConsentedEvent")))
                .andExpect(jsonPath("$.totalEvents", is(7)));
        // GB-NCA, released to later: the disseminated content, its widening on, its own feedback, request and refusal
        mvc.perform(get(location + "/history").with(GB)).andExpect(status().isOk())
                .andExpect(jsonPath("$.events[*].type", contains("IntelReportDisseminatedEvent",
                        "IntelReportReleaseWidenedEvent", "IntelReportFeedbackGivenEvent",
                        "OnwardDisseminationRequestedEvent", "OnwardDisseminationRefusedEvent",
                        "IntelReportRegradedEvent", "IntelReportWithdrawnEvent")))
                .andExpect(jsonPath("$.events[1].payload.addedAgencies", contains("GB-NCA")))
                .andExpect(content().string(not(containsString("seized 200 kg"))))
                .andExpect(content().string(not(containsString("MX-FGR"))));
        // MX-FGR, reached by US-DEA's request: neither the request nor the consent is its business
        mvc.perform(get(location + "/history").with(MX)).andExpect(status().isOk())
                .andExpect(jsonPath("$.events[*].type", contains("IntelReportDisseminatedEvent",
                        "IntelReportReleaseWidenedEvent", "IntelReportRegradedEvent", "IntelReportWithdrawnEvent")));
        // the owner and auditors see every event; an agency the report never reached, none
        mvc.perform(get(location + "/history").with(CN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalEvents", is(17)))
                .andExpect(jsonPath("$.events[*].type", hasItem("IntelReportReturnedEvent")))
                .andExpect(content().string(containsString("informant")));
        mvc.perform(get(location + "/history").with(CN)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("globalPosition"))));
        mvc.perform(get(location + "/history").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalEvents", is(17)))
                .andExpect(jsonPath("$.events[16].globalPosition", greaterThan(0)));
        mvc.perform(get(location + "/history").with(TestTokens.user("de.investigator", "DE-BKA", "investigator")))
                .andExpect(status().isNotFound());

        // asOf: before the report reached an agency it was not there for it
        mvc.perform(get(location).param("asOf", drafting.toString()).with(US)).andExpect(status().isNotFound());
        mvc.perform(get(location).param("asOf", disseminated.toString()).with(US)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("DISSEMINATED")))
                .andExpect(jsonPath("$.returnComments", nullValue()))
                .andExpect(jsonPath("$.grades[*].grading", contains("B2")));
        mvc.perform(get(location).param("asOf", disseminated.toString()).with(GB)).andExpect(status().isNotFound());
        mvc.perform(get(location).param("asOf", disseminated.toString()).with(MX)).andExpect(status().isNotFound());
        mvc.perform(get(location).param("asOf", Instant.now().toString()).with(GB)).andExpect(status().isOk())
                .andExpect(jsonPath("$.feedback[*].agency", contains("GB-NCA")))
                .andExpect(jsonPath("$.onwardRequests[*].toAgency", contains("FR-OFAST")));
        assertAsOfMatchesLive(mvc, location, GB);
    }

    @Test
    void aSupervisorDoesNotApproveTheirOwnReportAnotherSupervisorDoes() throws Exception {
        String location = mvc.perform(post("/api/intel/reports").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.formatted("TLP:GREEN", "+86 10 5555 0606")))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(post(location + "/submission").with(CN_SUPERVISOR)).andExpect(status().isOk());
        mvc.perform(post(location + "/approval").with(CN_SUPERVISOR)).andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail", containsString("four-eyes")))
                .andExpect(jsonPath("$.detail", containsString("another supervisor of CN-NNCC")));
        mvc.perform(get(location).with(CN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("SUBMITTED_FOR_RELEASE")));
        assertMissingFor(mvc, location, US);
        mvc.perform(post(location + "/approval").with(TestTokens.user("cn.supervisor2", "CN-NNCC", "supervisor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("DISSEMINATED")));
        mvc.perform(get(location).with(US)).andExpect(status().isOk());
    }

    /**
     * Issue 15: after the first four-eyes release, an investigator of the owner agency widened the release alone.
     * Widening needs a supervisor of the owner agency who neither drafted nor revised the report.
     */
    @Test
    void wideningTheReleaseNeedsASupervisorOfTheOwnerWhoDidNotWriteTheReport() throws Exception {
        RequestPostProcessor author = CN_SUPERVISOR;
        RequestPostProcessor otherSupervisor = TestTokens.user("cn.supervisor3", "CN-NNCC", "supervisor");
        String location = mvc.perform(post("/api/intel/reports").with(author).contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.formatted("TLP:AMBER", "+86 10 5555 0707")))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(post(location + "/submission").with(author)).andExpect(status().isOk());
        mvc.perform(post(location + "/approval").with(otherSupervisor)).andExpect(status().isOk());
        long released = eventsOf(location);
        String widen = "{\"agencies\":[\"MX-FGR\"]}";

        // an investigator of the owner agency (who did not write it either), the author as supervisor, a supervisor
        // of a receiving agency: refused, nothing stored, MX-FGR still sees nothing
        for (RequestPostProcessor attacker : new RequestPostProcessor[]{CN, TestTokens.user("cn.analyst", "CN-NNCC", "analyst"), author}) {
            mvc.perform(post(location + "/release").with(attacker).contentType(MediaType.APPLICATION_JSON).content(widen))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail", containsString("four-eyes")));
        }
        mvc.perform(post(location + "/release").with(TestTokens.user("us.supervisor", "US-DEA", "supervisor"))
                        .contentType(MediaType.APPLICATION_JSON).content(widen))
                .andExpect(status().isForbidden());
        assertThat(eventsOf(location)).isEqualTo(released);
        assertMissingFor(mvc, location, MX);

        // another supervisor of the owner agency (here the approver) widens it
        mvc.perform(post(location + "/release").with(otherSupervisor).contentType(MediaType.APPLICATION_JSON).content(widen))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.releasedTo", contains("MX-FGR", "US-DEA")));
        assertThat(eventsOf(location)).isEqualTo(released + 1);
        mvc.perform(get(location).with(MX)).andExpect(status().isOk());
    }

    /**
     * Issue 15: {@code GET /api/intel/reports} returned full report bodies without a read-log entry. The list shows
     * summaries; content is read one report at a time, and that read is logged.
     */
    @Test
    void theListShowsSummariesWithoutContentAndOnlyTheLoggedReadShowsIt() throws Exception {
        String location = approved(draft("TLP:AMBER", "+86 10 5555 0808"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        for (RequestPostProcessor reader : new RequestPostProcessor[]{US, CN, AUDITOR}) {
            String list = mvc.perform(get("/api/intel/reports?size=100").with(reader)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].title", contains("NPP shipments via Rotterdam")))
                    .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].tlp", contains("TLP:AMBER")))
                    .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].grading", contains("B2")))
                    .andReturn().getResponse().getContentAsString();
            assertThat(list).doesNotContain("Broker pattern", "+861055550808", "5555 0808", "ACME", "Tianjin",
                    "\"body\"", "\"entities\"", "\"route\"", "\"feedback\"");
        }
        assertThat(reads(id)).isZero();
        mvc.perform(get(location).with(US)).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary", is("Broker pattern")));
        awaitRead(location, "us.investigator");
        // the one read of content is the one logged: the lists before it left no entry
        assertThat(reads(id)).isEqualTo(1);
    }

    @Test
    void aRedReportIsVisibleOnlyToItsNamedRecipientsAndIsNotPassedOn() throws Exception {
        String location = approved(draft("TLP:RED", "+86 10 5555 0202"));
        mvc.perform(get(location).with(US)).andExpect(status().isOk());
        assertMissingFor(mvc, location, GB);
        mvc.perform(post(location + "/onward-requests").with(US).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"toAgency\":\"GB-NCA\",\"justification\":\"joint operation\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("TLP:RED")));
        assertMissingFor(mvc, location, GB);
    }

    @Test
    void hitNoHitAnswersOnlyWhatTheSearcherMaySeeAndTellsTheOwnerWhoAsked() throws Exception {
        String location = approved(draft("TLP:AMBER", "+86 10 5555 0303"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(get("/api/intel/entities/search").param("type", "PHONE_NUMBER").param("value", "0086 (10) 5555-0303").with(US))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hit", is(true)))
                .andExpect(jsonPath("$.normalised", is("+861055550303")))
                .andExpect(jsonPath("$.reports", contains(id)));
        mvc.perform(get("/api/intel/entities/search").param("type", "PHONE_NUMBER").param("value", "+86 10 5555 0303").with(GB))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hit", is(false)))
                .andExpect(jsonPath("$.reports", empty()));
        mvc.perform(get("/api/intel/entities/search").param("type", "PHONE_NUMBER").param("value", "555").with(GB))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("value")));
        mvc.perform(get("/api/intel/entities/search").param("type", "SHOE").param("value", "x").with(GB))
                .andExpect(status().isBadRequest());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (jdbc.sql("SELECT count(*) FROM intel.intel_notification WHERE report_id = :id").param("id", id)
                .query(Long.class).single() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        mvc.perform(get("/api/intel/notifications?size=100").with(CN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.reportId == '" + id + "')].searchingAgency", contains("GB-NCA")));
        mvc.perform(get("/api/intel/notifications?size=100").with(GB)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].reportId", not(hasItem(id))));
    }

    /**
     * Issue 15: the owners' notices were written while the search was answered, so the answer's time and failures told
     * the searcher that a report it may not see names the entity. Every search now records one durable notice before
     * answering, and its events are published off the request path: the answer with a hidden hit is the answer
     * without one (status, headers, body), it comes before anything is published, and the owner is told once, dated
     * when the search was made, even when the scheduler that publishes it was held back meanwhile.
     */
    @Test
    void aSearchWithAHiddenHitAnswersAsOneWithoutAndTheOwnerIsToldOffTheRequestPath() throws Exception {
        String phone = "+86 10 5555 0606";
        MvcResult without = search(GB, phone);
        String location = approved(draft("TLP:AMBER", phone)); // released to US-DEA only: hidden from GB-NCA
        String id = location.substring(location.lastIndexOf('/') + 1);

        Instant searched = Instant.now();
        MvcResult with;
        scheduler.pause();
        try {
            with = search(GB, phone);
            // answered: the notice is stored (a restart would still send it), nothing is published yet
            assertThat(jdbc.sql("SELECT count(*) FROM intel.scheduled_tasks WHERE task_name = 'intel-hidden-hit-notices' "
                            + "AND position(:id IN task_data) > 0").param("id", id.getBytes(StandardCharsets.UTF_8))
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(hiddenHitEvents(id)).isZero();
        } finally {
            scheduler.resume();
        }

        assertThat(with.getResponse().getStatus()).isEqualTo(200).isEqualTo(without.getResponse().getStatus());
        assertThat(headers(with)).isEqualTo(headers(without));
        assertThat(with.getResponse().getContentAsString()).isEqualTo(without.getResponse().getContentAsString())
                .contains("\"hit\":false");

        scheduler.triggerCheckForDueExecutions();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (hiddenHitEvents(id) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(hiddenHitEvents(id)).isEqualTo(1);
        while (jdbc.sql("SELECT count(*) FROM intel.intel_notification WHERE report_id = :id").param("id", id)
                .query(Long.class).single() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        mvc.perform(get("/api/intel/notifications?size=100").with(CN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.reportId == '" + id + "')].searchingAgency", contains("GB-NCA")))
                .andExpect(jsonPath("$.items[?(@.reportId == '" + id + "')].searcher", contains("gb.investigator")))
                .andExpect(jsonPath("$.items[?(@.reportId == '" + id + "')].normalised", contains("+861055550606")));
        Instant noted = jdbc.sql("SELECT noted_at FROM intel.intel_notification WHERE report_id = :id").param("id", id)
                .query(java.time.OffsetDateTime.class).single().toInstant();
        assertThat(noted).isBetween(searched.minusSeconds(1), searched.plusSeconds(2));
    }

    private MvcResult search(RequestPostProcessor searcher, String phone) throws Exception {
        return mvc.perform(get("/api/intel/entities/search").param("type", "PHONE_NUMBER").param("value", phone)
                .header("X-Correlation-Id", "it-search-" + phone.hashCode()).with(searcher)).andReturn();
    }

    private static Map<String, List<String>> headers(MvcResult result) {
        Map<String, List<String>> headers = new TreeMap<>();
        result.getResponse().getHeaderNames().forEach(name -> headers.put(name, result.getResponse().getHeaders(name)));
        return headers;
    }

    private long hiddenHitEvents(String reportId) {
        return jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry "
                        + "WHERE payload_type = 'io.jointops.api.intel.IntelEntityHiddenHitEvent' AND position(:id IN payload) > 0")
                .param("id", reportId.getBytes(StandardCharsets.UTF_8)).query(Long.class).single();
    }

    @Test
    void refusesBadInputNamingTheFieldAndStoresNothing() throws Exception {
        long before = events();
        String valid = REPORT.formatted("TLP:GREEN", "+86 10 5555 0404");
        expectField(valid.replace("\"title\":\"NPP shipments via Rotterdam\"", "\"title\":\" \""), "title");
        expectField(valid.replace("\"informationCredibility\":2", "\"informationCredibility\":7"), "informationCredibility");
        expectField(valid.replace("\"sourceReliability\":\"B\"", "\"sourceReliability\":\"G\""), "sourceReliability");
        expectField(valid.replace("+86 10 5555 0404", "010 5555"), "entities[0].value");
        expectField(valid.replace("\"country\":\"NL\"", "\"country\":\"XX\""), "route.waypoints[1].country");
        expectField(valid.replace("\"to\":\"e1\"", "\"to\":\"e9\""), "relations[0].to");
        expectField(valid.replace("\"releasedTo\":[\"US-DEA\"]", "\"releasedTo\":[\"dea\"]"), "releasedTo[0]");
        mvc.perform(post("/api/intel/reports").with(AUDITOR).contentType(MediaType.APPLICATION_JSON).content(valid))
                .andExpect(status().isForbidden());
        assertThat(events()).isEqualTo(before);
    }

    /**
     * Text of Unicode spaces only passes the request's {@code @NotBlank} (Hibernate Validator trims ASCII only); the
     * command's constraints refuse it, naming the field as the request does although the command holds it in its
     * content ({@code title}, not {@code content.title}), and nothing is stored.
     */
    @Test
    void theCommandsConstraintsNameTheFieldAsTheRequestDoes() throws Exception {
        long before = events();
        String valid = REPORT.formatted("TLP:GREEN", "+86 10 5555 0404");
        expectField(valid.replace("\"title\":\"NPP shipments via Rotterdam\"", "\"title\":\"\u3000\""), "title");
        expectField(REPORT.formatted("TLP:GREEN", "\u3000\u3000"), "entities[0].value");
        assertThat(events()).isEqualTo(before);
    }

    private void expectField(String body, String field) throws Exception {
        mvc.perform(post("/api/intel/reports").with(CN).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.errors[0].field", is(field)));
    }

    private String draft(String tlp, String phone) throws Exception {
        return mvc.perform(post("/api/intel/reports").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.formatted(tlp, phone)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ownerAgency", is("CN-NNCC")))
                .andExpect(jsonPath("$.createdBy", is("cn.investigator")))
                .andReturn().getResponse().getHeader("Location");
    }

    private String approved(String location) throws Exception {
        mvc.perform(post(location + "/submission").with(CN)).andExpect(status().isOk());
        mvc.perform(post(location + "/approval").with(CN_SUPERVISOR)).andExpect(status().isOk());
        return location;
    }

    private void awaitRead(String location, String reader) throws InterruptedException {
        String id = location.substring(location.lastIndexOf('/') + 1);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (jdbc.sql("SELECT count(*) FROM intel.intel_report_read WHERE report_id = :id AND reader = :reader")
                    .param("id", id).param("reader", reader).query(Long.class).single() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no read of " + id + " by " + reader + " logged");
    }

    private long reads(String reportId) {
        return jdbc.sql("SELECT count(*) FROM intel.intel_report_read WHERE report_id = :id").param("id", reportId)
                .query(Long.class).single();
    }

    private long eventsOf(String location) {
        return jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", location.substring(location.lastIndexOf('/') + 1)).query(Long.class).single();
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry").query(Long.class).single();
    }

    @Test
    void theApiDocumentNamesTheGatewayKeycloakAndEveryOperationsSummaryAndProblems() throws Exception {
        assertThat(ApiDocumentRules.faultsOfServed(mvc)).isEmpty();
    }

    /**
     * Every example request the document offers in Swagger UI is a valid request: sent to the service by a caller of
     * no role, each passes the request's checks (and is then refused as forbidden, storing nothing).
     */
    @Test
    void everyExampleRequestOfTheDocumentIsValid() throws Exception {
        assertThat(ApiDocumentRules.refusedExamples(mvc, TestTokens.user("gb.visitor", "GB-NCA"))).isEmpty();
    }
}

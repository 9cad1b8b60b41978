package io.jointops.cases;

import io.jointops.platform.test.TestService;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import io.jointops.cases.query.caseview.CaseViews;
import io.jointops.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.jointops.platform.test.ApiDocumentRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The case API of one case-service on a real PostgreSQL; tokens are shaped like the realm's. */
@SpringBootTest
@AutoConfigureMockMvc
// its processors leave the tokens to the next test's service (a replay must claim them all)
@DirtiesContext
class CaseApiIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "case-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseViews views;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void opensACaseVisibleToLeadAndPartnersOnlyWithItsHistory() throws Exception {
        MvcResult created = mvc.perform(post("/api/cases").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .header("X-Correlation-Id", "it-corr-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Fentanyl precursor route","summary":"Joint watch","partnerAgencies":[],"tlp":"TLP:AMBER","handlingCode":"H1"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.leadAgency", is("CN-NNCC")))
                .andExpect(jsonPath("$.tlp", is("TLP:AMBER")))
                .andReturn();
        String location = created.getResponse().getHeader("Location");
        assertThat(location).startsWith("/api/cases/");

        mvc.perform(get(location).with(TestTokens.user("us.investigator", "US-DEA", "investigator")))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));

        // issue 15: an investigator of the lead agency (here the one who opened the case) no longer adds a partner
        long before = events();
        mvc.perform(post(location + "/partners").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agency\":\"US-DEA\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("supervisor of the lead agency CN-NNCC")));
        assertThat(events()).isEqualTo(before);
        mvc.perform(get(location).with(TestTokens.user("us.investigator", "US-DEA", "investigator")))
                .andExpect(status().isNotFound());

        mvc.perform(post(location + "/partners").with(TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor"))
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agency\":\"US-DEA\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.partnerAgencies", hasItem("US-DEA")));

        mvc.perform(get(location).with(TestTokens.user("us.investigator", "US-DEA", "investigator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title", is("Fentanyl precursor route")));

        mvc.perform(post(location + "/partners").with(TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor"))
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agency\":\"GB-NCA\"}"))
                .andExpect(status().isPreconditionFailed());

        mvc.perform(get(location + "/history").with(TestTokens.user("us.investigator", "US-DEA", "investigator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events.length()", is(2)))
                .andExpect(jsonPath("$.events[0].type", is("CaseOpenedEvent")))
                .andExpect(jsonPath("$.events[0].actor", is("cn.investigator")))
                .andExpect(jsonPath("$.events[0].agency", is("CN-NNCC")))
                .andExpect(jsonPath("$.events[0].correlationId", is("it-corr-1")))
                .andExpect(jsonPath("$.events[1].type", is("CasePartnerAddedEvent")))
                .andExpect(jsonPath("$.events[1].payload.agency", is("US-DEA")));
    }

    @Test
    void asOfAnInstantTheCaseIsRebuiltFromItsEventsAsItWasThen() throws Exception {
        var cn = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
        var us = TestTokens.user("us.investigator", "US-DEA", "investigator");
        Instant beforeOpening = Instant.now();
        String location = mvc.perform(post("/api/cases").with(cn).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"As of\",\"summary\":\"s\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        Instant opened = Instant.now();
        mvc.perform(post(location + "/partners").with(TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor"))
                        .header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agency\":\"US-DEA\"}"))
                .andExpect(status().isOk());
        Instant now = Instant.now();

        mvc.perform(get(location).param("asOf", opened.toString()).with(cn))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.version", is(0)))
                .andExpect(jsonPath("$.partnerAgencies.length()", is(0)));
        // rebuilt from the events up to now, it is exactly the live view
        String live = mvc.perform(get(location).with(cn)).andReturn().getResponse().getContentAsString();
        String rebuilt = mvc.perform(get(location).param("asOf", now.toString()).with(cn))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version", is(1)))
                .andReturn().getResponse().getContentAsString();
        assertThat(rebuilt).isEqualTo(live);
        // US-DEA sees the case now, but could not see it then; nobody sees it before it existed
        mvc.perform(get(location).param("asOf", now.toString()).with(us)).andExpect(status().isOk());
        mvc.perform(get(location).param("asOf", opened.toString()).with(us)).andExpect(status().isNotFound());
        mvc.perform(get(location).param("asOf", beforeOpening.toString()).with(cn)).andExpect(status().isNotFound());
        mvc.perform(get(location).param("asOf", opened.toString())
                        .with(TestTokens.user("auditor", "JOINT-AUDIT", "auditor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version", is(0)));
        mvc.perform(get(location).param("asOf", "yesterday").with(cn))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("asOf")));
    }

    /** The list's constrained query parameters (Spring MVC's own method validation) answer a problem per field. */
    @Test
    void aListWithOutOfRangeParametersIsRefusedNamingEachOne() throws Exception {
        var cn = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
        mvc.perform(get("/api/cases").param("status", "DELETED").param("size", "101").param("page", "-1").with(cn))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("status", "size", "page")));
        mvc.perform(get("/api/cases").param("q", "x".repeat(201)).with(cn))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("q")));
        mvc.perform(get("/api/cases").param("size", "100").with(cn)).andExpect(status().isOk());
    }

    @Test
    void auditorsFindEveryEventOfARequestByItsCorrelationIdPagedByPosition() throws Exception {
        var cn = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
        String correlationId = "audit-" + System.nanoTime();
        String location = mvc.perform(post("/api/cases").with(cn).header("X-Correlation-Id", correlationId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Audited\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(post(location + "/partners").with(TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor"))
                        .header("X-Correlation-Id", correlationId)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agency\":\"US-DEA\"}"))
                .andExpect(status().isOk());
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        var auditor = TestTokens.user("auditor", "JOINT-AUDIT", "auditor");

        mvc.perform(get("/api/audit/events").param("correlationId", correlationId).with(auditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events.length()", is(2)))
                .andExpect(jsonPath("$.events[0].itemId", is(caseId)))
                .andExpect(jsonPath("$.events[0].itemType", is("JointCase")))
                .andExpect(jsonPath("$.events[0].type", is("CaseOpenedEvent")))
                .andExpect(jsonPath("$.events[0].actor", is("cn.investigator")))
                .andExpect(jsonPath("$.events[1].type", is("CasePartnerAddedEvent")))
                .andExpect(jsonPath("$.next").doesNotExist());
        // keyset paging: a page of one, then the next after its position
        String first = mvc.perform(get("/api/audit/events").param("correlationId", correlationId).param("size", "1")
                        .param("agency", "CN-NNCC").param("actor", "cn.investigator").param("itemType", "JointCase")
                        .param("from", Instant.now().minusSeconds(600).toString()).param("to", Instant.now().plusSeconds(60).toString())
                        .with(auditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events.length()", is(1)))
                .andReturn().getResponse().getContentAsString();
        long next = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first).path("next").asLong();
        mvc.perform(get("/api/audit/events").param("correlationId", correlationId).param("after", Long.toString(next))
                        .with(auditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events.length()", is(1)))
                .andExpect(jsonPath("$.events[0].type", is("CasePartnerAddedEvent")));
        mvc.perform(get("/api/audit/events").param("itemType", "JointCase").param("agency", "NO-SUCH").with(auditor))
                .andExpect(status().isOk()).andExpect(jsonPath("$.events.length()", is(0)));
        mvc.perform(get("/api/audit/events").param("correlationId", correlationId).with(cn))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/events").param("from", "last week").with(auditor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("from")));
    }

    @Test
    void refusesBadInputNamingTheFieldAndStoresNothing() throws Exception {
        long before = events();
        mvc.perform(post("/api/cases").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\" \",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("title")));
        mvc.perform(post("/api/cases").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\",\"tlp\":\"TLP:PURPLE\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("tlp")));
        mvc.perform(post("/api/cases").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\",\"tlp\":\"TLP:RED\",\"handlingCode\":\"H1\",\"partnerAgencies\":[\"dea\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", containsString("partnerAgencies")));
        assertThat(events()).isEqualTo(before);
    }

    /**
     * A title of Unicode spaces only passes the request's {@code @NotBlank} (Hibernate Validator trims ASCII only), but
     * the case would store it empty: the command's constraints refuse it where the command is sent, as the 400 naming
     * the field that the aggregate's own check gave, and nothing is stored.
     */
    @Test
    void aTitleOfUnicodeSpacesIsRefusedByTheCommandsConstraints() throws Exception {
        long before = events();
        mvc.perform(post("/api/cases").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\u3000\u3000\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("title")))
                .andExpect(jsonPath("$.errors[0].detail", is("must not be blank")));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstCase() throws Exception {
        String body = "{\"title\":\"Retry me\",\"tlp\":\"TLP:GREEN\",\"handlingCode\":\"H0\"}";
        String first = mvc.perform(post("/api/cases").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .header("Idempotency-Key", "retry-key-0001")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        long after = events();
        String second = mvc.perform(post("/api/cases").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .header("Idempotency-Key", "retry-key-0001")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        assertThat(second).isEqualTo(first);
        assertThat(events()).isEqualTo(after);
    }

    /**
     * Idempotency-Key as every create takes it (ItemResponses): the same key with another body is a 422 problem naming
     * the header, another user's same key opens a case of its own that the first user cannot read, a malformed key is
     * a 400 problem naming the header; none of the refused requests stores an event.
     */
    @Test
    void anIdempotencyKeyIsTheCallersOwnAndNamesOneRequest() throws Exception {
        var cn = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
        var cnOther = TestTokens.user("cn.other.investigator", "CN-NNCC", "investigator");
        var us = TestTokens.user("us.investigator", "US-DEA", "investigator");
        String body = "{\"title\":\"Keyed\",\"tlp\":\"TLP:GREEN\",\"handlingCode\":\"H0\"}";
        String first = mvc.perform(post("/api/cases").with(cn).header("Idempotency-Key", "shared-key-0001")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        long after = events();

        // another body under the same key: refused, even when only a field the old comparison did not look at changed
        for (String other : new String[] {"{\"title\":\"Keyed\",\"summary\":\"more\",\"tlp\":\"TLP:GREEN\",\"handlingCode\":\"H0\"}",
                "{\"title\":\"Keyed too\",\"tlp\":\"TLP:GREEN\",\"handlingCode\":\"H0\"}"}) {
            mvc.perform(post("/api/cases").with(cn).header("Idempotency-Key", "shared-key-0001")
                            .contentType(MediaType.APPLICATION_JSON).content(other))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                    .andExpect(jsonPath("$.field", is("Idempotency-Key")));
        }
        // the same body with its members in another order is the same request
        mvc.perform(post("/api/cases").with(cn).header("Idempotency-Key", "shared-key-0001")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"handlingCode\":\"H0\",\"tlp\":\"TLP:GREEN\",\"title\":\"Keyed\"}"))
                .andExpect(status().isCreated()).andExpect(header().string("Location", first))
                .andExpect(header().string("Idempotent-Replayed", "true"));
        mvc.perform(post("/api/cases").with(cn).header("Idempotency-Key", "bad key")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("Idempotency-Key")));
        assertThat(events()).isEqualTo(after);

        // keys are per caller: the same key of another user, of the same or another agency, is a case of its own
        String others = mvc.perform(post("/api/cases").with(cnOther).header("Idempotency-Key", "shared-key-0001")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andReturn().getResponse().getHeader("Location");
        String usCase = mvc.perform(post("/api/cases").with(us).header("Idempotency-Key", "shared-key-0001")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.leadAgency", is("US-DEA")))
                .andReturn().getResponse().getHeader("Location");
        assertThat(List.of(others, usCase)).doesNotContain(first).doesNotHaveDuplicates();
        assertThat(events()).isEqualTo(after + 2);
        mvc.perform(get(first).with(us)).andExpect(status().isNotFound());
    }

    /** Retries racing each other with one key: one case, one event, and every one of them answered with that case. */
    @Test
    void concurrentRetriesWithOneKeyOpenOneCase() throws Exception {
        var cn = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
        String body = "{\"title\":\"Raced\",\"tlp\":\"TLP:GREEN\",\"handlingCode\":\"H0\"}";
        long before = events();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<MvcResult>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(clients.submit(() -> mvc.perform(post("/api/cases").with(cn)
                        .header("Idempotency-Key", "raced-key-0001")
                        .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()));
            }
            Set<String> locations = new HashSet<>();
            for (Future<MvcResult> answer : answers) {
                MvcResult result = answer.get(60, TimeUnit.SECONDS);
                assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
                locations.add(result.getResponse().getHeader("Location"));
            }
            assertThat(locations).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
        assertThat(events()).isEqualTo(before + 1);
    }

    /**
     * A case worked through the API: members, tags, a task and its status, notes, the lifecycle. Each write answers
     * with the case at its new version and takes If-Match; tasks and notes read back as written (another agency's
     * TLP:RED note withheld), and the case rebuilt from its events up to now is exactly the live view.
     */
    @Test
    void aCaseWorkedThroughTheApiKeepsItsMembersTasksAndNotes() throws Exception {
        var cn = TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor");
        var us = TestTokens.user("us.investigator", "US-DEA", "investigator");
        String location = mvc.perform(post("/api/cases").with(cn).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Worked\",\"summary\":\"s\",\"partnerAgencies\":[\"US-DEA\"],"
                                + "\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(post(location + "/members").with(cn).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"cn.analyst\",\"agency\":\"CN-NNCC\",\"role\":\"ANALYST\"}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.members[0].username", is("cn.analyst")));
        mvc.perform(post(location + "/members").with(cn).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"cn.liaison\",\"agency\":\"CN-NNCC\",\"role\":\"LIAISON\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.members.length()", is(2)));
        // If-Match on every write: a stale version is a 412 problem, a malformed one a 400 naming the header
        mvc.perform(post(location + "/activate").with(cn).header("If-Match", "\"1\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        mvc.perform(post(location + "/activate").with(cn).header("If-Match", "2"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("If-Match")));
        mvc.perform(post(location + "/activate").with(cn).header("If-Match", "\"2\""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("ACTIVE")));
        mvc.perform(put(location + "/tags").with(cn).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tags\":[\"route\",\"fentanyl\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tags[0]", is("fentanyl")));
        String task = mvc.perform(post(location + "/tasks").with(cn).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Trace the broker\",\"assignee\":\"cn.analyst\",\"dueDate\":\"2030-01-31\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status", is("OPEN")))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(post(task + "/status").with(cn).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DONE\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("DONE")));
        mvc.perform(post(location + "/notes").with(cn).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Seen at the port\",\"tlp\":\"TLP:RED\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.agency", is("CN-NNCC")));
        mvc.perform(post(location + "/notes").with(cn).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Shared with partners\",\"tlp\":\"TLP:AMBER\"}"))
                .andExpect(status().isCreated());
        mvc.perform(delete(location + "/members/cn.liaison").with(cn))
                .andExpect(status().isOk()).andExpect(jsonPath("$.members.length()", is(1)));
        mvc.perform(post(location + "/close").with(cn).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"closingReason\":\"PROSECUTED\",\"remarks\":\"done\"}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"10\""))
                .andExpect(jsonPath("$.status", is("CLOSED"))).andExpect(jsonPath("$.closingReason", is("PROSECUTED")));

        mvc.perform(get(location + "/tasks").with(us))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()", is(1)))
                .andExpect(jsonPath("$[0].status", is("DONE"))).andExpect(jsonPath("$[0].assignee", is("cn.analyst")))
                .andExpect(jsonPath("$[0].dueDate", is("2030-01-31")));
        mvc.perform(get(location + "/notes").with(cn)).andExpect(status().isOk()).andExpect(jsonPath("$.length()", is(2)));
        mvc.perform(get(location + "/notes").with(us))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()", is(1)))
                .andExpect(jsonPath("$[0].text", is("Shared with partners")));
        mvc.perform(get("/api/cases").param("member", "cn.analyst").param("tag", "route").with(us))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", hasItem(location.substring(location.lastIndexOf('/') + 1))));
        String live = mvc.perform(get(location).with(us)).andExpect(header().string("ETag", "\"10\""))
                .andReturn().getResponse().getContentAsString();
        String rebuilt = mvc.perform(get(location).param("asOf", Instant.now().toString()).with(us))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rebuilt).isEqualTo(live);
    }

    /** Issue 15: the case's lead investigator adds a partner; an investigator of the lead agency who is not, does not. */
    @Test
    void theLeadInvestigatorAddsAPartnerAnotherInvestigatorOfTheLeadAgencyDoesNot() throws Exception {
        var supervisor = TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor");
        var lead = TestTokens.user("cn.lead", "CN-NNCC", "investigator");
        var investigator = TestTokens.user("cn.investigator2", "CN-NNCC", "investigator");
        String location = mvc.perform(post("/api/cases").with(supervisor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Led\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        for (String username : List.of("cn.lead", "cn.investigator2")) {
            mvc.perform(post(location + "/members").with(supervisor).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"" + username + "\",\"agency\":\"CN-NNCC\",\"role\":\""
                                    + (username.equals("cn.lead") ? "LEAD_INVESTIGATOR" : "INVESTIGATOR") + "\"}"))
                    .andExpect(status().isOk());
        }
        long before = events();
        mvc.perform(post(location + "/partners").with(investigator).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agency\":\"MX-FGR\"}"))
                .andExpect(status().isForbidden());
        assertThat(events()).isEqualTo(before);
        mvc.perform(get(location).with(TestTokens.user("mx.investigator", "MX-FGR", "investigator")))
                .andExpect(status().isNotFound());
        mvc.perform(post(location + "/partners").with(lead).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agency\":\"MX-FGR\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partnerAgencies", hasItem("MX-FGR")));
        mvc.perform(get(location).with(TestTokens.user("mx.investigator", "MX-FGR", "investigator")))
                .andExpect(status().isOk());
    }

    @Test
    void aWrongRoleIsForbidden() throws Exception {
        mvc.perform(post("/api/cases").with(TestTokens.user("us.finance", "US-FINCEN", "finance-officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isForbidden());
    }

    /**
     * The default list (a page of an agency's newest cases) is planned once for its connection, not at each request:
     * with its LIMIT and OFFSET as parameters PostgreSQL planned it anew every time once an agency had many cases
     * (docs/performance.md). The many cases are made in the test's transaction and rolled back with it.
     */
    @Test
    void theListOfAnAgencysCasesIsPlannedOnceForItsConnection() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO case_view (case_id, title, summary, lead_agency, partner_agencies, tlp, handling_code,
                                           status, version, opened_at, updated_at)
                    SELECT 'plan-' || i, 'Case ' || i, '', 'CN-NNCC', '{}', 'TLP:AMBER', 'H1', 'OPENED', 0,
                           now() - i * interval '1 second', now()
                      FROM generate_series(1, 20000) AS i""").update();
            jdbc.sql("""
                    INSERT INTO case_visibility (agency, case_id, opened_at)
                    SELECT 'CN-NNCC', case_id, opened_at FROM case_view WHERE case_id LIKE 'plan-%'""").update();
            jdbc.sql("ANALYZE case_view, case_visibility").update(); // statistics that know them, as in production
            // one connection, the transaction's: the driver prepares a statement on the server at its fifth execution,
            // and PostgreSQL makes five custom plans before it weighs the generic one
            for (int i = 0; i < 15; i++) {
                assertThat(views.visibleTo("CN-NNCC", 0, 20).items()).hasSize(20);
            }
            Map<String, Object> plans = jdbc.sql("""
                            SELECT sum(generic_plans) AS generic, sum(custom_plans) AS custom FROM pg_prepared_statements
                             WHERE statement LIKE '%FROM case_visibility v%'""")
                    .query().singleRow();
            assertThat(((Number) plans.get("generic")).longValue()).as("executions of the plan made once")
                    .isGreaterThan(0);
            status.setRollbackOnly();
        });
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

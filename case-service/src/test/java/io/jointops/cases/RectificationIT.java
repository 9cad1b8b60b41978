package io.jointops.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.deconfliction.DeconflictionMatch;
import io.jointops.api.deconfliction.DeconflictionMatchAddedEvent;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.Personal;
import io.jointops.platform.replay.ViewReplays;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import io.jointops.platform.test.ViewRebuilds;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Rectification on a real PostgreSQL (docs/privacy.md, "Rectification"): a correction an agency wrote is paired with
 * the wrong value by an order a second supervisor approves; with {@code shred} the wrong value's key in the item is
 * destroyed and the correction stays readable; a correction stored under the wrong value's own subject is refused for
 * shredding; what the order names wrongly is a problem naming its field; partners are told on their feed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class RectificationIT {

    static final RequestPostProcessor CN = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
    static final RequestPostProcessor CN_SUPERVISOR = TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor");
    static final RequestPostProcessor US_FEED = TestTokens.user("us-partner", "US-DEA", "feed-reader");
    static final RequestPostProcessor MX_FEED = TestTokens.user("mx-partner", "MX-FGR", "feed-reader");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "case-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    ViewReplays replays;

    /** An item of another context whose events name a person (a deconfliction notice), each by {@code agency}. */
    String item(String agency, String... names) {
        String id = "notice-" + UUID.randomUUID();
        for (int sequence = 0; sequence < names.length; sequence++) {
            eventStore.publish(new GenericDomainEventMessage<>("DeconflictionNotice", id, sequence,
                    new DeconflictionMatchAddedEvent(id, "US-DEA", new DeconflictionMatch(Identifies.Kind.PERSON_NAME,
                            "consignee.name", names[sequence], "exact", "equivalent")),
                    MetaData.from(Map.of("agency", agency))));
        }
        return id;
    }

    List<String> values(String item) {
        return eventStore.readEvents(item).asStream()
                .map(e -> ((DeconflictionMatchAddedEvent) e.getPayload()).match().value()).toList();
    }

    MockHttpServletResponse order(RequestPostProcessor officer, String body) throws Exception {
        return mvc.perform(post("/api/rectifications").with(officer).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
    }

    MockHttpServletResponse approve(String location, RequestPostProcessor officer) throws Exception {
        return mvc.perform(post(location + "/approval").with(officer)).andReturn().getResponse();
    }

    @Test
    void anApprovedRectificationShredsTheWrongValueInTheItemAndKeepsTheCorrection() throws Exception {
        String item = item("CN-NNCC", "Zhang Wie", "Zhang Wei");
        String elsewhere = item("CN-NNCC", "Zhang Wie");
        MockHttpServletResponse ordered = order(CN, """
                {"itemId":"%s","correctedBy":1,"subjects":[{"kind":"PERSON_NAME","value":"zhang wie"}],"shred":true,
                 "legalBasis":"PIPL Art. 46","reason":"misspelt consignee"}""".formatted(item));
        assertThat(ordered.getStatus()).as(ordered.getContentAsString()).isEqualTo(201);
        String location = ordered.getHeader("Location");
        assertThat(values(item)).as("not before approval").containsExactly("Zhang Wie", "Zhang Wei");

        // four eyes, as for an erasure
        assertThat(approve(location, CN).getStatus()).isEqualTo(403);
        assertThat(approve(location, TestTokens.user("cn.investigator", "CN-NNCC", "supervisor")).getStatus())
                .as("the officer who ordered it").isEqualTo(403);
        assertThat(approve(location, TestTokens.user("us.supervisor", "US-DEA", "supervisor")).getStatus())
                .isEqualTo(404);
        MockHttpServletResponse approved = approve(location, CN_SUPERVISOR);
        assertThat(approved.getStatus()).isEqualTo(200);
        assertThat(json.readTree(approved.getContentAsByteArray()).path("keysShredded").asInt()).isEqualTo(1);

        assertThat(values(item)).containsExactly(Personal.ERASED, "Zhang Wei");
        assertThat(values(elsewhere)).as("the wrong value in another item stays").containsExactly("Zhang Wie");
        String id = location.substring(location.lastIndexOf('/') + 1);
        List<String> recorded = jdbc.sql("""
                        SELECT payload_type || ' ' || convert_from(payload, 'UTF8') FROM eventstore.domain_event_entry
                         WHERE aggregate_identifier = ? ORDER BY sequence_number""").param(id).query(String.class).list();
        assertThat(recorded).hasSize(3).allSatisfy(event -> assertThat(event).doesNotContainIgnoringCase("zhang"));
        assertThat(recorded.get(0)).contains("RectificationOrderedEvent");
        assertThat(recorded.get(1)).contains("PersonalDataErasedEvent").contains("rectification:" + id);
        assertThat(recorded.get(2)).contains("PersonalDataRectifiedEvent").contains("\"correctedBy\":1")
                .contains("\"keysShredded\":1");
        assertThat(approve(location, TestTokens.user("cn.supervisor3", "CN-NNCC", "supervisor")).getStatus())
                .isEqualTo(409);
        // the shredding makes the service rebuild its views after answering: the next test must not meet them
        // answering 503 (a create waits for its view only so long; CI met that)
        ViewRebuilds.awaitDone(replays);
    }

    @Test
    void whatTheOrderNamesWronglyIsAProblemNamingItsFieldAndStoresNothing() throws Exception {
        String equivalent = item("CN-NNCC", "Li Ming", "LI  MING.");
        String others = item("US-DEA", "Li Ming", "Li Min");
        long before = events();
        String wrong = """
                {"itemId":"%s","correctedBy":%s,"subjects":[{"kind":"PERSON_NAME","value":"Li Ming"}],"shred":%s,
                 "legalBasis":"PIPL Art. 46"}""";
        // the correction is stored under the wrong value's own subject: shredding would erase it too
        assertField(order(CN, wrong.formatted(equivalent, 1, true)), "correctedBy", "same data subject");
        // no such event; the first event corrects nothing; none given
        assertField(order(CN, wrong.formatted(equivalent, 7, true)), "correctedBy", "has no event 7");
        assertField(order(CN, wrong.formatted(equivalent, 0, true)), "correctedBy", null);
        assertField(order(CN, wrong.formatted(equivalent, "null", true)), "correctedBy", null);
        // another agency's correction
        assertField(order(CN, wrong.formatted(others, 1, false)), "correctedBy", "not written by CN-NNCC");
        assertField(order(CN, """
                {"itemId":"%s","correctedBy":1,"subjects":[],"legalBasis":"x"}""".formatted(equivalent)), "subjects", null);
        assertField(order(CN, """
                {"itemId":"%s","correctedBy":1,"itemText":true,"legalBasis":" "}""".formatted(equivalent)),
                "legalBasis", null);
        assertField(order(CN, """
                {"correctedBy":1,"itemText":true,"legalBasis":"x"}"""), "itemId", null);
        assertThat(order(TestTokens.user("auditor", "JOINT-AUDIT", "auditor"), wrong.formatted(equivalent, 1, false))
                .getStatus()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
        // without shredding, the same correction is recorded
        assertThat(order(CN, wrong.formatted(equivalent, 1, false)).getStatus()).isEqualTo(201);
        assertThat(values(equivalent)).containsExactly("Li Ming", "LI  MING.");
    }

    @Test
    void partnersAreToldOfARectificationOnTheirFeed() throws Exception {
        String location = mvc.perform(post("/api/cases").with(CN).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"Operation Heron","summary":"courier Chen Jie","partnerAgencies":["US-DEA"],
                         "tlp":"TLP:AMBER","handlingCode":"H1"}"""))
                .andReturn().getResponse().getHeader("Location");
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        String etag = mvc.perform(get(location).with(CN)).andReturn().getResponse().getHeader("ETag");
        assertThat(mvc.perform(post(location + "/notes").with(CN).header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"The courier is Chen Jia, not Chen Jie.\",\"tlp\":\"TLP:AMBER\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
        long note = jdbc.sql("SELECT max(sequence_number) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?")
                .param(caseId).query(Long.class).single();
        String body = """
                {"itemId":"%s","correctedBy":%d,"itemText":true,"shred":%s,"legalBasis":"PIPL Art. 46"}""";
        // the note is the case's free text, as the summary is: it cannot be shredded without the note
        assertField(order(CN, body.formatted(caseId, note, true)), "correctedBy", "same data subject");
        MockHttpServletResponse ordered = order(CN, body.formatted(caseId, note, false));
        assertThat(ordered.getStatus()).isEqualTo(201);
        MockHttpServletResponse approved = approve(ordered.getHeader("Location"), CN_SUPERVISOR);
        assertThat(json.readTree(approved.getContentAsByteArray()).path("keysShredded").asInt()).isZero();

        JsonNode notice = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (notice == null) {
            notice = feed(US_FEED).stream().filter(e -> e.path("type").asText().equals("PersonalDataRectifiedEvent")
                    && e.path("itemId").asText().equals(caseId)).findFirst().orElse(null);
            assertThat(System.nanoTime()).as("the notice in time").isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(notice.path("id").asText()).startsWith(caseId + "/rectified/");
        assertThat(notice.has("sequence")).isFalse();
        assertThat(notice.path("payload").path("correctedBy").asLong()).isEqualTo(note);
        assertThat(notice.path("payload").path("keysShredded").asInt()).isZero();
        assertThat(notice.path("payload").path("legalBasis").asText()).isEqualTo("PIPL Art. 46");
        assertThat(feed(MX_FEED)).noneSatisfy(e -> assertThat(e.path("itemId").asText()).isEqualTo(caseId));
        // nothing was shredded: the case still reads as written
        assertThat(mvc.perform(get(location).with(CN)).andReturn().getResponse().getContentAsString())
                .contains("courier Chen Jie");
    }

    private void assertField(MockHttpServletResponse response, String field, String detail) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        JsonNode problem = json.readTree(response.getContentAsByteArray());
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
        if (detail != null) {
            assertThat(response.getContentAsString()).contains(detail);
        }
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry").query(Long.class).single();
    }

    /** The agency's whole feed (empty while the service answers 503, its views being rebuilt). */
    private List<JsonNode> feed(RequestPostProcessor reader) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        long after = 0;
        while (true) {
            MockHttpServletResponse response = mvc.perform(get("/internal/feed").with(reader)
                    .param("after", String.valueOf(after)).param("limit", "500")).andReturn().getResponse();
            if (response.getStatus() != 200) {
                return List.of();
            }
            JsonNode page = json.readTree(response.getContentAsByteArray());
            page.path("entries").forEach(entry -> entries.add(entry.path("event")));
            if (page.path("last").asLong() == after) {
                return entries;
            }
            after = page.path("last").asLong();
        }
    }
}

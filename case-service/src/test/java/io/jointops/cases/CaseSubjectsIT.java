package io.jointops.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointops.platform.axon.EventStoreConfiguration;
import io.jointops.platform.test.GoldenEvents;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A case's subjects through the API on a real PostgreSQL (issue 16): named, shown in the case and as of, removed. */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
@Import(GoldenEvents.class)
class CaseSubjectsIT {

    static final RequestPostProcessor CN = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
    static final RequestPostProcessor CN_SUPERVISOR = TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor");
    static final RequestPostProcessor US = TestTokens.user("us.investigator", "US-DEA", "investigator");
    static final RequestPostProcessor MX = TestTokens.user("mx.supervisor", "MX-FGR", "supervisor");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "case-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    GoldenEvents golden;

    private String open() throws Exception {
        String location = mvc.perform(post("/api/cases").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Subjects\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(post(location + "/partners").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                .content("{\"agency\":\"US-DEA\"}")).andExpect(status().isOk());
        return location;
    }

    private long events(String caseId) {
        return jdbc.sql("SELECT count(*) FROM " + EventStoreConfiguration.SCHEMA
                + ".domain_event_entry WHERE aggregate_identifier = ?").param(caseId).query(Long.class).single();
    }

    /**
     * The event stored at {@code sequence} equals its golden file once decrypted, but for the case's and the subject's
     * ids (the subject's follows from the case's); answers it as stored.
     */
    private JsonNode storedAsGolden(String caseId, long sequence, String file, String subjectId) throws Exception {
        byte[] payload = jdbc.sql("SELECT payload FROM " + EventStoreConfiguration.SCHEMA + ".domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = ?").params(caseId, sequence)
                .query(byte[].class).single();
        ObjectNode opened = golden.opened(payload);
        assertThat(opened.path("caseId").asText()).isEqualTo(caseId);
        assertThat(opened.path("subjectId").asText()).isEqualTo(subjectId);
        opened.put("caseId", "case-a").put("subjectId", "s-1");
        try (var in = getClass().getResourceAsStream("/events/" + file)) {
            assertThat(opened).isEqualTo(json.readTree(in));
        }
        return json.readTree(payload);
    }

    @Test
    void subjectsAreNamedNormalisedShownInTheCaseAndAsOfAndRemoved() throws Exception {
        String location = open();
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        JsonNode added = json.readTree(mvc.perform(post(location + "/subjects").with(CN).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"kind":"PHONE_NUMBER","value":"138 0013 8000","country":"cn","label":"the broker's phone"}"""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andReturn().getResponse().getContentAsString());
        JsonNode phone = added.path("subjects").get(0);
        assertThat(added.path("subjects")).hasSize(1);
        assertThat(phone.path("kind").asText()).isEqualTo("PHONE_NUMBER");
        assertThat(phone.path("value").asText()).isEqualTo("138 0013 8000");
        assertThat(phone.path("canonical").asText()).isEqualTo("+8613800138000");
        assertThat(phone.path("country").asText()).isEqualTo("CN");
        assertThat(phone.path("label").asText()).isEqualTo("the broker's phone");
        assertThat(phone.path("agency").asText()).isEqualTo("CN-NNCC");
        assertThat(phone.path("addedBy").asText()).isEqualTo("cn.investigator");
        String phoneId = phone.path("id").asText();
        JsonNode stored = storedAsGolden(caseId, 2, "CaseSubjectAddedEvent.1.json", phoneId);
        // the value, its canonical form and the label are stored encrypted only (crypto-shredding)
        assertThat(stored.path("value").isObject()).isTrue();
        assertThat(stored.path("canonical").isObject()).isTrue();
        assertThat(stored.path("label").isObject()).isTrue();
        // whole values: a short one ("0013") turns up by chance in random ids and ciphertexts
        assertThat(stored.toString()).doesNotContain("138 0013 8000", "13800138000", "broker");
        Instant named = Instant.now();

        // a partner's officer who acts on the case (a supervisor) names a person in Chinese characters
        mvc.perform(post(location + "/subjects").with(TestTokens.user("us.supervisor", "US-DEA", "supervisor"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"PERSON_NAME\",\"value\":\"张伟\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subjects.length()", is(2)))
                .andExpect(jsonPath("$.subjects[1].value", is("张伟")))
                .andExpect(jsonPath("$.subjects[1].agency", is("US-DEA")));
        // the same number written another way is the same subject
        mvc.perform(post(location + "/subjects").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PHONE_NUMBER\",\"value\":\"+86 138-0013-8000\"}"))
                .andExpect(status().isConflict());

        // both read it in the case; the live view is the fold of its events
        mvc.perform(get(location).with(US)).andExpect(status().isOk())
                .andExpect(jsonPath("$.subjects.length()", is(2)))
                .andExpect(jsonPath("$.subjects[0].id", is(phoneId)));
        String live = mvc.perform(get(location).with(CN)).andReturn().getResponse().getContentAsString();
        String rebuilt = mvc.perform(get(location).param("asOf", Instant.now().toString()).with(CN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rebuilt).isEqualTo(live);

        mvc.perform(delete(location + "/subjects/" + phoneId).with(CN).header("If-Match", "\"1\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(delete(location + "/subjects/" + phoneId).with(CN).header("If-Match", "\"3\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subjects.length()", is(1)))
                .andExpect(jsonPath("$.subjects[0].value", is("张伟")));
        storedAsGolden(caseId, 4, "CaseSubjectRemovedEvent.1.json", phoneId);
        mvc.perform(delete(location + "/subjects/" + phoneId).with(CN)).andExpect(status().isNotFound());
        // as of before the removal, the number is still there
        mvc.perform(get(location).param("asOf", named.toString()).with(CN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version", is(2)))
                .andExpect(jsonPath("$.subjects.length()", is(1)))
                .andExpect(jsonPath("$.subjects[0].canonical", is("+8613800138000")));
        mvc.perform(get(location).with(CN)).andExpect(jsonPath("$.subjects.length()", is(1)));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndStoresNothing() throws Exception {
        String location = open();
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        long before = events(caseId);
        String[][] bad = {
                {"{\"kind\":\"IBAN\",\"value\":\"DE00 1234\"}", "value"},
                // a national number without its country: the value names no number (the detail asks for a country)
                {"{\"kind\":\"PHONE_NUMBER\",\"value\":\"138 0013 8000\"}", "value"},
                {"{\"kind\":\"PHONE_NUMBER\",\"value\":\"138 0013 8000\",\"country\":\"XX\"}", "country"},
                {"{\"kind\":\"PHONE_NUMBER\",\"value\":\"138 0013 8000\",\"country\":\"CHN\"}", "country"},
                {"{\"kind\":\"PERSON_NAME\",\"value\":\"Zhang Wei\",\"country\":\"CN\"}", "country"},
                {"{\"kind\":\"PERSON\",\"value\":\"Zhang Wei\"}", "kind"},
                {"{\"value\":\"Zhang Wei\"}", "kind"},
                {"{\"kind\":\"PERSON_NAME\",\"value\":\" \"}", "value"},
                {"{\"kind\":\"PERSON_NAME\",\"value\":\"\u3000\u3000\"}", "value"},
                {"{\"kind\":\"EMAIL_ADDRESS\",\"value\":\"not an address\"}", "value"}};
        for (String[] request : bad) {
            mvc.perform(post(location + "/subjects").with(CN).contentType(MediaType.APPLICATION_JSON).content(request[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                    .andExpect(jsonPath("$.errors[0].field", is(request[1])));
        }
        mvc.perform(post(location + "/subjects").with(CN).header("If-Match", "yesterday")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"PERSON_NAME\",\"value\":\"Li Na\"}"))
                .andExpect(status().isBadRequest());
        assertThat(events(caseId)).isEqualTo(before);
        mvc.perform(get(location).with(CN)).andExpect(jsonPath("$.subjects.length()", is(0)));
    }

    @Test
    void anotherAgencysCaseIsNotFoundAndAnOfficerWhoDoesNotActOnItIsForbidden() throws Exception {
        String location = open();
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        String body = "{\"kind\":\"PERSON_NAME\",\"value\":\"Li Na\"}";
        mvc.perform(post(location + "/subjects").with(MX).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(delete(location + "/subjects/any").with(MX)).andExpect(status().isNotFound());
        mvc.perform(post("/api/cases/no-such-case/subjects").with(CN).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isNotFound());
        // a partner's investigator who is no member of the case does not act on it
        mvc.perform(post(location + "/subjects").with(US).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(get(location).with(MX)).andExpect(status().isNotFound());
        assertThat(events(caseId)).isEqualTo(2);
    }
}

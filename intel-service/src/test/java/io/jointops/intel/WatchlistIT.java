package io.jointops.intel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.axon.EventStoreConfiguration;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Watchlists on a real PostgreSQL, through the API and the partner feed of one intel-service: an agency is alerted of
 * what its feed delivers, as its agency is shown it, and of nothing else.
 */
@SpringBootTest
@DirtiesContext
@AutoConfigureMockMvc
class WatchlistIT {

    static final RequestPostProcessor CN = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
    static final RequestPostProcessor CN_SUPERVISOR = TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor");
    static final RequestPostProcessor US_SUPERVISOR = TestTokens.user("us.supervisor", "US-DEA", "supervisor");
    static final RequestPostProcessor US = TestTokens.user("us.investigator", "US-DEA", "investigator");
    static final RequestPostProcessor US_PARTNER = TestTokens.user("jointops-partner-us-dea", "US-DEA", "feed-reader");

    static final String REPORT = """
            {"title":"%s","summary":"Broker pattern","category":"TRAFFICKING_ROUTE",
             "sourceReliability":"B","informationCredibility":2,"releasedTo":%s,"tlp":"TLP:AMBER","handlingCode":"H2",
             "entities":[%s]}""";
    static final String PHONE = "{\"entityId\":\"e1\",\"type\":\"PHONE_NUMBER\",\"value\":\"(202) 555-0143\",\"country\":\"US\"}";
    static final String ZHANG_WEI = "{\"entityId\":\"e2\",\"type\":\"PERSON\",\"value\":\"张伟\"}";
    static final String OTHER = "{\"entityId\":\"e3\",\"type\":\"ORGANISATION\",\"value\":\"Harbor Solvents Inc\"}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "intel-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    private String disseminated(String title, String releasedTo, String... entities) throws Exception {
        String location = draft(title, releasedTo, entities);
        mvc.perform(post(location + "/submission").with(CN)).andExpect(status().isOk());
        mvc.perform(post(location + "/approval").with(CN_SUPERVISOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("DISSEMINATED")));
        return location;
    }

    private String draft(String title, String releasedTo, String... entities) throws Exception {
        return mvc.perform(post("/api/intel/reports").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.formatted(title, releasedTo, String.join(",", entities))))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
    }

    private JsonNode add(RequestPostProcessor who, String body) throws Exception {
        return json.readTree(mvc.perform(post("/api/intel/watchlist").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    /** The agency's alerts about report {@code reportId}, once {@code until} holds of them (or after 20 s). */
    private List<JsonNode> alerts(RequestPostProcessor reader, String reportId, Predicate<List<JsonNode>> until)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            List<JsonNode> found = new ArrayList<>();
            json.readTree(mvc.perform(get("/api/intel/alerts?size=100").with(reader)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString()).path("items").forEach(alert -> {
                        if (alert.path("item").path("itemId").asText().equals(reportId)) {
                            found.add(alert);
                        }
                    });
            if (until.test(found) || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(100);
        }
    }

    /** Until the partner feed has handled the reports' events and every check it scheduled has been sent. */
    private void awaitFeedAndChecks(String... reportIds) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        long head = jdbc.sql("SELECT max(global_index) FROM " + EventStoreConfiguration.SCHEMA + ".domain_event_entry"
                        + " WHERE aggregate_identifier IN (:items)")
                .param("items", List.of(reportIds)).query(Long.class).single();
        while (Instant.now().isBefore(deadline)) {
            PooledStreamingEventProcessor feed = processing
                    .eventProcessor("partner-feed", PooledStreamingEventProcessor.class).orElseThrow();
            boolean fed = !feed.processingStatus().isEmpty() && feed.processingStatus().values().stream()
                    .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head);
            long pending = jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'jointops-watchlist-check'")
                    .query(Long.class).single();
            if (fed && pending == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the partner feed or its watchlist checks did not finish");
    }

    /** The alerts stored about the report: once the checks are done, their events are (the inbox may lag behind). */
    private long alertEvents(String reportId) {
        return jdbc.sql("SELECT count(*) FROM " + EventStoreConfiguration.SCHEMA + ".domain_event_entry"
                        + " WHERE payload_type = 'io.jointops.api.deconfliction.WatchlistAlertRaisedEvent'"
                        + " AND convert_from(payload, 'UTF8') LIKE :report")
                .param("report", "%\"" + reportId + "\"%").query(Long.class).single();
    }

    private static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aReportReleasedToTheAgencyAlertsItsEntriesAndOneNotReleasedDoesNotUntilItIs() throws Exception {
        JsonNode phone = add(US_SUPERVISOR, "{\"kind\":\"PHONE_NUMBER\",\"value\":\"+1 202 555 0143\",\"label\":\"broker\"}");
        assertThat(phone.path("canonical").asText()).isEqualTo("+12025550143");
        add(TestTokens.user("us.analyst", "US-DEA", "analyst"), "{\"kind\":\"PERSON_NAME\",\"value\":\"Zhang Wei\"}");
        // the same number written otherwise is the same entry
        JsonNode again = add(US_SUPERVISOR, "{\"kind\":\"PHONE_NUMBER\",\"value\":\"(202) 555-0143\",\"country\":\"US\"}");
        assertThat(again.path("id").asText()).isEqualTo(phone.path("id").asText());
        mvc.perform(get("/api/intel/watchlist").with(US_SUPERVISOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()", is(2)));

        String released = id(disseminated("Released " + UUID.randomUUID(), "[\"US-DEA\"]", PHONE, ZHANG_WEI));
        String ownOnly = id(disseminated("Own " + UUID.randomUUID(), "[]", PHONE));
        // named in a draft that the released version no longer names: US-DEA is never shown the draft
        String revised = draft("Revised " + UUID.randomUUID(), "[\"US-DEA\"]", PHONE);
        mvc.perform(put(revised).with(CN).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content(REPORT.formatted("Revised", "[\"US-DEA\"]", OTHER))).andExpect(status().isOk());
        mvc.perform(post(revised + "/submission").with(CN)).andExpect(status().isOk());
        mvc.perform(post(revised + "/approval").with(CN_SUPERVISOR)).andExpect(status().isOk());

        List<JsonNode> alerts = alerts(US_SUPERVISOR, released, found -> found.size() == 2);
        assertThat(alerts).hasSize(2);
        JsonNode byPhone = alerts.stream().filter(a -> a.path("kind").asText().equals("PHONE_NUMBER")).findFirst()
                .orElseThrow();
        assertThat(byPhone.path("entryValue").asText()).isEqualTo("+1 202 555 0143");
        assertThat(byPhone.path("value").asText()).isEqualTo("(202) 555-0143");
        assertThat(byPhone.path("rule").asText()).isEqualTo("e164");
        assertThat(byPhone.path("strength").asText()).isEqualTo("equivalent");
        assertThat(byPhone.path("item").path("context").asText()).isEqualTo("intel");
        assertThat(byPhone.path("item").path("itemType").asText()).isEqualTo("IntelReport");
        JsonNode byName = alerts.stream().filter(a -> a.path("kind").asText().equals("PERSON_NAME")).findFirst()
                .orElseThrow();
        assertThat(byName.path("value").asText()).isEqualTo("张伟");
        assertThat(byName.path("rule").asText()).isEqualTo("pinyin");
        assertThat(byName.path("strength").asText()).isEqualTo("similar");

        awaitFeedAndChecks(released, ownOnly, id(revised));
        assertThat(alertEvents(released)).isEqualTo(2);
        assertThat(alertEvents(ownOnly)).isZero();
        assertThat(alertEvents(id(revised))).isZero();
        assertThat(alerts(US_SUPERVISOR, ownOnly, found -> true)).isEmpty();
        // CN-NNCC has no watchlist: nothing, and nothing of US-DEA's
        assertThat(alerts(CN_SUPERVISOR, released, found -> true)).isEmpty();

        // released to US-DEA later: its earlier events reach US-DEA's feed, and the alert with them
        mvc.perform(post("/api/intel/reports/" + ownOnly + "/release").with(CN_SUPERVISOR)
                .contentType(MediaType.APPLICATION_JSON).content("{\"agencies\":[\"US-DEA\"]}"))
                .andExpect(status().isOk());
        assertThat(alerts(US_SUPERVISOR, ownOnly, found -> !found.isEmpty())).hasSize(1);

        // the alerts are events of US-DEA's watchlist, on US-DEA's feed (and so its webhooks)
        String feed = mvc.perform(get("/internal/feed?after=0&limit=500").with(US_PARTNER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(feed).contains("WatchlistAlertRaisedEvent", released);
        String cnFeed = mvc.perform(get("/internal/feed?after=0&limit=500")
                        .with(TestTokens.user("jointops-partner-cn-nncc", "CN-NNCC", "feed-reader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(cnFeed).doesNotContain("WatchlistAlertRaisedEvent").doesNotContain("+1 202 555 0143");

        // taken off the watchlist: no alert of a report released afterwards
        mvc.perform(delete("/api/intel/watchlist/" + phone.path("id").asText()).with(US_SUPERVISOR))
                .andExpect(status().isNoContent());
        String later = id(disseminated("Later " + UUID.randomUUID(), "[\"US-DEA\"]", PHONE));
        awaitFeedAndChecks(later);
        assertThat(alertEvents(later)).isZero();
    }

    @Test
    void badEntriesAreProblemsNamingTheFieldAndOnlySupervisorsAndAnalystsKeepTheWatchlist() throws Exception {
        RequestPostProcessor mx = TestTokens.user("mx.supervisor", "MX-FGR", "supervisor");
        mvc.perform(post("/api/intel/watchlist").with(mx).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PHONE_NUMBER\",\"value\":\"(202) 555-0143\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("value")));
        mvc.perform(post("/api/intel/watchlist").with(mx).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PHONE_NUMBER\",\"value\":\"(202) 555-0143\",\"country\":\"XX\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("country")));
        mvc.perform(post("/api/intel/watchlist").with(mx).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"IBAN\",\"value\":\"DE00 0000 0000 0000 0000 00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("value")));
        mvc.perform(post("/api/intel/watchlist").with(mx).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"SHOE_SIZE\",\"value\":\"42\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("kind")));
        mvc.perform(post("/api/intel/watchlist").with(mx).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":\"42\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("kind")));
        // nothing was stored
        mvc.perform(get("/api/intel/watchlist").with(mx)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()", is(0)));
        assertThat(jdbc.sql("SELECT count(*) FROM " + EventStoreConfiguration.SCHEMA + ".domain_event_entry"
                + " WHERE aggregate_identifier = 'watchlist-MX-FGR'").query(Long.class).single()).isZero();

        mvc.perform(post("/api/intel/watchlist").with(TestTokens.user("mx.investigator", "MX-FGR", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"PERSON_NAME\",\"value\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/intel/alerts").with(US)).andExpect(status().isForbidden());

        // another agency's entry does not exist for it
        JsonNode entry = add(mx, "{\"kind\":\"CRYPTO_WALLET\",\"value\":\"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq\"}");
        mvc.perform(delete("/api/intel/watchlist/" + entry.path("id").asText()).with(US_SUPERVISOR))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/intel/watchlist/" + entry.path("id").asText()).with(US_SUPERVISOR))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/intel/watchlist/" + entry.path("id").asText()).with(mx)).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind", is("CRYPTO_WALLET")));
    }
}

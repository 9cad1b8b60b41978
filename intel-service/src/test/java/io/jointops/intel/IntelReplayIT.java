package io.jointops.intel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each of intel-service's four views, rebuilt from the event store while the service runs, equals the view built
 * live; while it is rebuilt its queries answer 503 with Retry-After instead of a half-built view. Batches of one
 * event make a replay slow enough to watch.
 */
@SpringBootTest(properties = {"jointops.processing.batch-size=1", "jointops.replay.progress-interval=200ms"})
@AutoConfigureMockMvc
@DirtiesContext
class IntelReplayIT {

    private static final RequestPostProcessor ADMIN = TestTokens.user("admin", "JOINT-OPS", "platform-admin");
    private static final RequestPostProcessor CN = IntelReportApiIT.CN;
    private static final RequestPostProcessor CN_SUPERVISOR = IntelReportApiIT.CN_SUPERVISOR;
    private static final RequestPostProcessor US = IntelReportApiIT.US;
    private static final RequestPostProcessor GB = IntelReportApiIT.GB;
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** Each view with the tables it keeps, and a query of it (as an agency that sees something there). */
    private static final List<View> VIEWS = List.of(
            new View("intel-report-view", "/api/intel/reports?size=100", CN,
                    List.of("SELECT * FROM intel_report_view ORDER BY report_id",
                            "SELECT * FROM intel_report_entity_key ORDER BY report_id, entity_type, match_key, rule")),
            new View("intel-report-reads", null, CN, List.of("SELECT * FROM intel_report_read ORDER BY event_id")),
            new View("intel-notifications", "/api/intel/notifications?size=100", CN,
                    List.of("SELECT * FROM intel_notification ORDER BY event_id")),
            new View("takedown-view", "/api/intel/takedowns?size=100", US,
                    List.of("SELECT * FROM takedown_view ORDER BY takedown_id",
                            "SELECT * FROM takedown_removal ORDER BY takedown_id, round")));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "intel-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void everyViewRebuildsToTheSameRowsAndItsQueriesSayItIsRebuildingMeanwhile() throws Exception {
        String readReport = null;
        for (int i = 0; i < 16; i++) {
            String report = reportInSomeState(i);
            if (i % 4 == 2) {
                readReport = report;
            }
            takedownInSomeState(i);
        }
        assertThat(readReport).isNotNull();
        // a replay of the read log is watched through the read log of a report that was read
        String readLogQuery = readReport + "/reads?size=1000";

        mvc.perform(post("/api/intel/admin/replays/intel-report-view").with(CN)).andExpect(status().isForbidden());
        mvc.perform(post("/api/intel/admin/replays/no-such-view").with(ADMIN)).andExpect(status().isNotFound());

        for (View view : VIEWS) {
            List<Map<String, Object>> live = stableRows(view.tables());
            assertThat(live).as(view.name() + " before the replay").isNotEmpty();
            String query = view.query() != null ? view.query() : readLogQuery;

            mvc.perform(post("/api/intel/admin/replays/" + view.name()).with(ADMIN)
                            .header("X-Correlation-Id", "replay-" + view.name()))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.processingGroup", is(view.name())))
                    .andExpect(jsonPath("$.correlationId", is("replay-" + view.name())));

            boolean saw503 = false;
            JsonNode progress = null;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(deadline)) {
                MvcResult answer = mvc.perform(get(query).with(view.reader())).andReturn();
                int status = answer.getResponse().getStatus();
                if (status == 503) {
                    saw503 = true;
                    assertThat(answer.getResponse().getHeader("Retry-After")).as(view.name()).isNotBlank();
                    assertThat(answer.getResponse().getContentType()).startsWith("application/problem+json");
                } else {
                    assertThat(status).as(view.name() + ": " + answer.getResponse().getContentAsString()).isEqualTo(200);
                }
                progress = json.readTree(mvc.perform(get("/api/intel/admin/replays/" + view.name()).with(ADMIN))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
                if ("done".equals(progress.path("state").asText())) {
                    break;
                }
                assertThat(progress.path("state").asText()).isEqualTo("replaying");
                assertThat(status).as(view.name() + ": a query during the replay").isEqualTo(503);
                Thread.sleep(50);
            }
            assertThat(saw503).as(view.name() + ": queries answered 503 during the replay").isTrue();
            assertThat(progress.path("state").asText()).as(view.name()).isEqualTo("done");
            assertThat(progress.path("percent").asDouble()).isEqualTo(100.0);
            assertThat(progress.path("position").asLong()).isGreaterThanOrEqualTo(progress.path("headPosition").asLong());

            mvc.perform(get(query).with(view.reader())).andExpect(status().isOk());
            assertThat(rows(view.tables())).as(view.name() + " rebuilt").isEqualTo(live);
        }
    }

    /** A report of CN-NNCC in one of several states; returns its location. */
    private String reportInSomeState(int i) throws Exception {
        String tlp = i % 3 == 0 ? "TLP:GREEN" : "TLP:AMBER";
        String location = mvc.perform(post("/api/intel/reports").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(IntelReportApiIT.REPORT.formatted(tlp, "+86 10 6666 %04d".formatted(i))))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        if (i % 4 == 0) {
            return location; // stays a draft
        }
        mvc.perform(post(location + "/submission").with(CN)).andExpect(status().isOk());
        if (i % 4 == 1) {
            mvc.perform(post(location + "/return").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"comments\":\"cite the source\"}")).andExpect(status().isOk());
            return location;
        }
        mvc.perform(post(location + "/approval").with(CN_SUPERVISOR)).andExpect(status().isOk());
        mvc.perform(get(location).with(US)).andExpect(status().isOk());
        // a hit the searcher may not see: its owner is told
        mvc.perform(get("/api/intel/entities/search").param("type", "PHONE_NUMBER")
                .param("value", "+86 10 6666 %04d".formatted(i)).with(GB)).andExpect(status().isOk());
        mvc.perform(post(location + "/grading").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sourceReliability\":\"A\",\"informationCredibility\":1,\"reason\":\"seizure\"}"))
                .andExpect(status().isOk());
        if (i % 4 == 3) {
            String request = mvc.perform(post(location + "/onward-requests").with(US).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"toAgency\":\"MX-FGR\",\"justification\":\"joint operation\"}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
            mvc.perform(post(request + "/decision").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"consent\":true}")).andExpect(status().isOk());
            mvc.perform(post(location + "/feedback").with(US).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"kind\":\"CONFIRMED\",\"comment\":\"seized\"}")).andExpect(status().isOk());
            mvc.perform(post(location + "/withdrawal").with(CN).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"reason\":\"source withdrew\"}")).andExpect(status().isOk());
        }
        return location;
    }

    private void takedownInSomeState(int i) throws Exception {
        Instant requested = Instant.now().minus(Duration.ofDays(3)).plusSeconds(i);
        String location = mvc.perform(post("/api/intel/takedowns").with(US).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"platform":"%s","url":"https://market.example.com/item/%d","contentType":"LISTING",
                                 "offence":"sale of fentanyl precursors","evidenceSha256":"%s",
                                 "evidenceCapturedAt":"%s","legalBasis":"Art. 14 DSA","requestedAt":"%s"}"""
                                .formatted(i % 2 == 0 ? "DarkMarket" : "Telegram", i, SHA, requested.minusSeconds(60), requested)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        if (i % 3 == 0) {
            return;
        }
        mvc.perform(post(location + "/acknowledgement").with(US).contentType(MediaType.APPLICATION_JSON)
                .content("{\"occurredAt\":\"%s\"}".formatted(requested.plusSeconds(600 + i)))).andExpect(status().isOk());
        if (i % 3 == 1) {
            mvc.perform(post(location + "/rejection").with(US).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"reason\":\"no court order\",\"occurredAt\":\"%s\"}".formatted(requested.plusSeconds(3600))))
                    .andExpect(status().isOk());
            return;
        }
        mvc.perform(post(location + "/removal").with(US).contentType(MediaType.APPLICATION_JSON)
                .content("{\"occurredAt\":\"%s\"}".formatted(requested.plusSeconds(3600 * (1 + i % 5))))).andExpect(status().isOk());
        mvc.perform(post(location + "/reappearance").with(US).contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"https://mirror.example.net/item/%d\",\"occurredAt\":\"%s\"}"
                        .formatted(i, requested.plusSeconds(86_400)))).andExpect(status().isOk());
        mvc.perform(post(location + "/removal").with(US).contentType(MediaType.APPLICATION_JSON)
                .content("{\"occurredAt\":\"%s\"}".formatted(requested.plusSeconds(86_400 + 1800)))).andExpect(status().isOk());
    }

    /** The rows once the live view has stopped changing (it catches up asynchronously). */
    private List<Map<String, Object>> stableRows(List<String> queries) throws InterruptedException {
        List<Map<String, Object>> previous = rows(queries);
        for (int i = 0; i < 50; i++) {
            Thread.sleep(300);
            List<Map<String, Object>> now = rows(queries);
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    private List<Map<String, Object>> rows(List<String> queries) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String query : queries) {
            jdbc.sql(query).query().listOfRows().forEach(row -> {
                // arrays and JSON documents compare by content
                Map<String, Object> copy = new LinkedHashMap<>();
                row.forEach((column, value) -> copy.put(column, value instanceof Array array ? text(array)
                        : value instanceof org.postgresql.util.PGobject object ? object.getValue() : value));
                rows.add(copy);
            });
        }
        return rows;
    }

    private static String text(Array array) {
        try {
            return Arrays.toString((Object[]) array.getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record View(String name, String query, RequestPostProcessor reader, List<String> tables) {
    }
}

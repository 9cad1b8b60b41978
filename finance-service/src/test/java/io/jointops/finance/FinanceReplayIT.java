package io.jointops.finance;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Each of finance-service's four views, rebuilt from the event store while the service runs, equals the live one. */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class FinanceReplayIT {

    private static final RequestPostProcessor ADMIN = TestTokens.user("admin", "JOINT-OPS", "platform-admin");
    private static final Map<String, List<String>> VIEWS = Map.of(
            "transaction-report-view", List.of("SELECT * FROM transaction_report_view ORDER BY report_id"),
            "money-flow-graph", List.of("SELECT * FROM money_flow_report ORDER BY report_id",
                    "SELECT * FROM money_flow_edge ORDER BY report_id, tx_index"),
            "asset-view", List.of("SELECT * FROM asset_view ORDER BY asset_id"),
            "freeze-request-view", List.of("SELECT * FROM freeze_request_view ORDER BY request_id",
                    "SELECT * FROM freeze_request_amount ORDER BY request_id, target_index"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "finance-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void everyViewRebuildsToTheSameRows() throws Exception {
        for (int i = 0; i < 5; i++) {
            List<String> lines = new ArrayList<>();
            for (int t = 0; t < 30; t++) {
                lines.add(FinanceApiIT.tx("R" + t, "2026-10-0" + (1 + t % 9), "1" + t + ".50", t % 2 == 0 ? "USD" : "CNY",
                        FinanceApiIT.side(FinanceApiIT.usAccount("5550" + i), "from"),
                        FinanceApiIT.side(FinanceApiIT.cnAccount("6660" + t), "to")));
            }
            String report = mvc.perform(post("/api/finance/reports").with(FinanceApiIT.US_FINCEN)
                            .contentType(MediaType.APPLICATION_JSON).content(FinanceApiIT.report("r", lines, "")))
                    .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
            mvc.perform(post(report + "/releases").with(FinanceApiIT.US_FINCEN).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"agency\":\"CN-CAMLMAC\"}")).andExpect(status().isOk());
            mvc.perform(post("/api/finance/assets").with(FinanceApiIT.CN_CAMLMAC).contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"caseId":"replay-case","category":"BUSINESS","description":"Front company","identifier":"91440300MA5",
                             "country":"CN","estimatedValue":12345.67,"currency":"CNY","tlp":"TLP:AMBER","handlingCode":"H2"}"""))
                    .andExpect(status().isCreated());
            String freeze = mvc.perform(post("/api/finance/freeze-requests").with(FinanceApiIT.US_FINCEN)
                            .contentType(MediaType.APPLICATION_JSON).content(FinanceApiIT.freezeBody("replay-case", "FREEZE")))
                    .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
            mvc.perform(post(freeze + "/acknowledge").with(FinanceApiIT.CN_CAMLMAC)).andExpect(status().isOk());
            mvc.perform(post(freeze + "/freeze").with(FinanceApiIT.CN_CAMLMAC).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"amounts\":[{\"target\":1,\"amount\":1000000}]}")).andExpect(status().isOk());
        }
        for (Map.Entry<String, List<String>> view : VIEWS.entrySet()) {
            List<Map<String, Object>> live = stableRows(view.getValue());
            assertThat(live).isNotEmpty();
            mvc.perform(post("/api/finance/admin/replays/" + view.getKey()).with(ADMIN))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.processingGroup", is(view.getKey())));
            awaitDone(view.getKey());
            assertThat(rows(view.getValue())).as(view.getKey() + " rebuilt").isEqualTo(live);
        }
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

    private void awaitDone(String view) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode progress = json.readTree(mvc.perform(get("/api/finance/admin/replays/" + view).with(ADMIN))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            if ("done".equals(progress.path("state").asText())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("replay of " + view + " did not finish");
    }

    private List<Map<String, Object>> rows(List<String> queries) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String query : queries) {
            jdbc.sql(query).query().listOfRows().forEach(row -> {
                // arrays compare by content
                Map<String, Object> copy = new java.util.LinkedHashMap<>();
                row.forEach((column, value) -> copy.put(column, value instanceof java.sql.Array array ? text(array) : value));
                rows.add(copy);
            });
        }
        return rows;
    }

    private static String text(java.sql.Array array) {
        try {
            return java.util.Arrays.toString((Object[]) array.getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
